package weave

import (
	"go/ast"
	"path/filepath"
	"strconv"
	"strings"
)

// lineNames maps the file names of the file's own //line directives, as
// go/scanner resolves them (a relative name joined to the file's
// directory), back to the names as written. The compiler keeps a relative
// //line name relative, and so must the woven file's directives, which
// the compiler reads from another directory.
func lineNames(name string, f *ast.File) map[string]string {
	var m map[string]string
	for _, g := range f.Comments {
		for _, c := range g.List {
			raw, ok := lineDirectiveName(c.Text)
			if !ok || raw == "" || filepath.IsAbs(raw) {
				continue
			}
			resolved := filepath.Join(filepath.Dir(name), filepath.Clean(raw))
			if resolved == name {
				continue // the file's own name: keep it as the file is named
			}
			if m == nil {
				m = map[string]string{}
			}
			m[resolved] = raw
		}
	}
	return m
}

// lineDirectiveName returns the file name of a //line or /*line*/
// directive, as written.
func lineDirectiveName(text string) (string, bool) {
	if !strings.HasPrefix(text, "//line ") && !strings.HasPrefix(text, "/*line ") {
		return "", false
	}
	text = strings.TrimSuffix(text[len("//line "):], "*/")
	if strings.HasPrefix(text, "*/") { // not a directive
		return "", false
	}
	text, ok := cutNumber(text)
	if !ok {
		return "", false
	}
	if rest, ok := cutNumber(text); ok {
		text = rest
	}
	return text, true
}

// cutNumber removes a trailing ":<digits>".
func cutNumber(s string) (string, bool) {
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return s, false
	}
	if _, err := strconv.ParseUint(s[i+1:], 10, 32); err != nil {
		return s, false
	}
	return s[:i], true
}
