package weave

import (
	"go/ast"
	"strconv"
)

// exits replaces the file's references to os.Exit (called or not) with
// hooks.Exit, which runs the shutdown lifecycle first; a declaration at the
// end of the file keeps package os used. A local variable named like the
// import is told apart by the parser's object resolution. A dot import of
// os is left alone.
func (w *fileWeaver) exits() {
	os := localName(w.file, "os")
	if os == "" || os == "_" || os == "." {
		return
	}
	found := false
	ast.Inspect(w.file, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok && sel.Sel.Name == "Exit" {
			if id, ok := sel.X.(*ast.Ident); ok && id.Name == os && id.Obj == nil {
				w.replace(sel.Pos(), sel.End(), w.hooks()+".Exit")
				found = true
			}
		}
		return true
	})
	if found {
		w.insert(w.tf.Pos(len(w.src)), "\nvar _ = "+os+".Exit\n")
	}
}

// localName returns the name under which f imports path: "" when it does
// not, "." or "_" for dot and blank imports.
func localName(f *ast.File, path string) string {
	for _, s := range f.Imports {
		if p, err := strconv.Unquote(s.Path.Value); err != nil || p != path {
			continue
		}
		if s.Name != nil {
			return s.Name.Name
		}
		return path
	}
	return ""
}
