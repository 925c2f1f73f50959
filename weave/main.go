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
// lifecycle (hooks.ShutdownMain: bounded by hooks.ShutdownTimeout, a failure
// reported as hooks reports plugin failures) when main returns or a panic
// unwinds it, and, through the exit hook of package os, before any
// os.Exit (see exit.go).
func (w *fileWeaver) main() {
	h := w.hooks()
	for _, p := range w.pkg.cfg.Plugins {
		w.addImport("_", p)
	}
	w.insert(w.mainFunc().Body.Lbrace+1, fmt.Sprintf("defer %s.ShutdownMain(); ", h))
	w.exitHook()
}
