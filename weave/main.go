package weave

import (
	"fmt"
	"go/ast"
)

// mainFunc returns the file's func main, or nil.
func (w *fileWeaver) mainFunc() *ast.FuncDecl {
	for _, d := range w.file.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == "main" && fd.Body != nil {
			return fd
		}
	}
	return nil
}

// main links the plugin set into the binary and runs the shutdown
// lifecycle, bounded by hooks.ShutdownTimeout, when main returns or
// panics. A failed shutdown is written to standard error, as hooks.Exit
// does.
func (w *fileWeaver) main() {
	n := w.pkg.names
	h := w.hooks()
	for _, p := range w.pkg.cfg.Plugins {
		w.addImport("_", p)
	}
	c := w.addImport(n.context, "context")
	ctx, cancel, err := n.local("ctx"), n.local("cancel"), n.local("shutdownErr")
	text := fmt.Sprintf("defer func() { %s, %s := %s.WithTimeout(%s.Background(), %s.ShutdownTimeout); defer %s(); ",
		ctx, cancel, c, c, h, cancel)
	text += fmt.Sprintf("if %s := %s.Shutdown(%s); %s != nil { println(\"hooks:\", %s.Error()) } }(); ", err, h, ctx, err, err)
	w.insert(w.mainFunc().Body.Lbrace+1, text)
}
