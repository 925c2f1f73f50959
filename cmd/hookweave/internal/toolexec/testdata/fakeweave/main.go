// Command fakeweave is hookweave's toolexec mode with a trivial weaver, so
// the mechanism (identity, pass-through, injection, link closure) is tested
// without the real rewrite: a file that mentions "mellea:" gets
// "const Woven = true" for "const Woven = false"; "//mellea:fail" is an
// error at its position; a binary's main imports the plugin set.
package main

import (
	"bytes"
	"fmt"
	"go/token"
	"os"
	"strings"

	"github.com/hookweave/hookweave/annotations"
	"github.com/hookweave/hookweave/cmd/hookweave/internal/toolexec"
)

var plugins = []string{"example.com/hw/plugin"}

var opts = toolexec.Options{
	Weave:        weave,
	HooksPath:    "example.com/hw/hooks",
	Plugins:      plugins,
	Module:       "example.com/hw",
	InjectedDirs: []string{"hooks", "plugin"},
}

func main() {
	if len(os.Args) == 2 && os.Args[1] == "identity" {
		id, err := toolexec.Identity(opts)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Println(id)
		return
	}
	os.Exit(toolexec.Run(os.Args[1:], opts))
}

func weave(importPath string, files []toolexec.File, isMain bool) (*toolexec.Result, error) {
	res := &toolexec.Result{}
	for _, f := range files {
		if i := bytes.Index(f.Src, []byte("//mellea:fail")); i >= 0 {
			line := bytes.Count(f.Src[:i], []byte("\n")) + 1
			return nil, &annotations.Error{Pos: token.Position{Filename: f.Name, Line: line, Column: 1}, Msg: "fake failure"}
		}
		src := bytes.ReplaceAll(f.Src, []byte("const Woven = false"), []byte("const Woven = true"))
		res.Changed = res.Changed || !bytes.Equal(src, f.Src)
		res.Files = append(res.Files, toolexec.File{Name: f.Name, Src: src})
	}
	if isMain {
		res.Extra = []toolexec.File{{Name: "zz_plugins.go", Src: []byte("package main\n\nimport _ \"" + strings.Join(plugins, "\"\nimport _ \"") + "\"\n")}}
		res.Imports = plugins
		res.Changed = true
	}
	return res, nil
}
