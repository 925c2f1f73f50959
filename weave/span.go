package weave

import (
	"fmt"
	"go/ast"

	"github.com/hookweave/hookweave/annotations"
)

// span inserts the prologue of the span lifecycle at the top of a's
// function, on the annotation's line:
//
//	if hooks.SpanListening() { var call *hooks.Call; ctx, call = hooks.BeginSpan(ctx, &site); defer func() { call.End(recover(), err) }() };
//
// with nil for err when the last result is not an error, and declares
// site, the function's hooks.SpanSite, at the end of the file. While no
// plugin listens, the function runs as written after one atomic load and
// a branch: no defer is registered, no context rebound. Only an error
// result is named (when it is not), so that the end hook can read it; the
// results are otherwise left as written, and the woven code never assigns
// one.
func (w *fileWeaver) span(a *annotations.Annotation) {
	errName := "nil"
	if annotations.ReturnsError(a.Func.Type.Results) {
		errName = w.nameResults(a.Func.Type.Results)
	}
	h, call, site := w.hooks(), w.pkg.names.call, w.pkg.spanSite()
	text := fmt.Sprintf("%sif %s.SpanListening() { var %s *%s.Call; %s, %s = %s.BeginSpan(%s, &%s); defer func() { %s.End(recover(), %s) }() }; ",
		w.directive(a.Pos), h, call, h, a.Context, call, h, a.Context, site, call, errName)
	w.insert(a.Func.Body.Lbrace+1, text)
	line := w.pkg.fset.Position(a.Func.Pos()).Line
	w.insert(w.tf.Pos(len(w.src)), fmt.Sprintf("\nvar %s = %s.SpanSite{Name: %q, Function: %q, Line: %d}\n",
		site, h, a.Name, w.qualified(a.Func), line))
}

// qualified returns the fully qualified name of fd: the import path, or
// main for a program's package main (as a stack trace names it), and
// annotations.FuncName.
func (w *fileWeaver) qualified(fd *ast.FuncDecl) string {
	path := w.pkg.importPath
	if w.file.Name.Name == "main" {
		path = "main"
	}
	return path + "." + annotations.FuncName(fd)
}

// spanSite returns a new name for a function's hooks.SpanSite, unique in
// the package.
func (p *pkg) spanSite() string {
	p.spans++
	return p.names.local(fmt.Sprintf("span%d", p.spans))
}
