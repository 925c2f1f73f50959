package weave

import (
	"bytes"
	"strconv"
)

// names are the identifiers weaving adds. They share a prefix that no file
// of the package contains, so they cannot collide with the user's.
type names struct {
	prefix string
	hooks  string // the import name of package hooks
	call   string // the running lifecycle
	err    string // the start hook's error
}

func newNames(files []File) names {
	prefix := "_hookweave_"
	for n := 1; used(files, prefix); n++ {
		prefix = "_hookweave" + strconv.Itoa(n) + "_"
	}
	return names{
		prefix: prefix,
		hooks:  prefix + "hooks",
		call:   prefix + "call",
		err:    prefix + "err",
	}
}

func used(files []File, prefix string) bool {
	for _, f := range files {
		if bytes.Contains(f.Src, []byte(prefix)) {
			return true
		}
	}
	return false
}

// result returns the name given to the i-th unnamed or blank result.
func (n names) result(i int) string { return n.prefix + "r" + strconv.Itoa(i) }

// param returns the name given to the i-th unnamed or blank parameter of
// a span's function, so that its guard can pass it on.
func (n names) param(i int) string { return n.prefix + "p" + strconv.Itoa(i) }

// typeParam returns the name given to the i-th blank type parameter.
func (n names) typeParam(i int) string { return n.prefix + "t" + strconv.Itoa(i) }

// recv returns the name given to an unnamed or blank receiver.
func (n names) recv(int) string { return n.prefix + "recv" }

// local returns a name for a variable of generated code.
func (n names) local(s string) string { return n.prefix + s }
