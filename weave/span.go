package weave

import (
	"fmt"
	"go/ast"
	"strings"

	"github.com/hookweave/hookweave/annotations"
)

// span weaves the span lifecycle into a's function so that, while no
// plugin listens, the function runs as written after one atomic load and
// a branch, with nothing deferred. A guard at the top of the body, on the
// annotation's line, hands each call to a traced copy of the function
// while a plugin listens:
//
//	if hooks.SpanListening() { return recv.traced[T, U](ctx, key, rest...) };
//
// ({ traced(...); return } for a function without results). The copy,
// added after the function, has the function's receiver, type
// parameters, parameters and results, copied from the source, and its
// body, copied too, after the span's prologue on the annotation's line:
//
//	func (recv *T) traced(ctx context.Context, key string) (r string, err error) {var call *hooks.Call; ctx, call = hooks.BeginSpan(ctx, &site); defer func() { call.End(recover(), err) }(); <the body>}
//
// with nil for err when the last result is not an error. Each copy keeps
// the positions of the source it copies, through /*line*/ directives.
// The body's calls of the function itself go through the original, so a
// recursive call opens a span of its own. site, the function's
// hooks.SpanSite, is declared at the end of the file.
//
// Only an error result is named (when it is not, and the other results
// with it when they are unnamed, as Go asks), so that the end hook can
// read it; the results are otherwise left as written, and the woven code
// never assigns one. An unnamed or blank receiver, parameter or type
// parameter is named, so that the guard can pass it on.
//
// A body that calls recover itself (a function that is deferred to stop a
// panic) keeps its body in place, under the prologue behind the guard: a
// copy called by the deferred function could not stop the panic.
func (w *fileWeaver) span(a *annotations.Annotation) {
	fd := a.Func
	errName := "nil"
	if annotations.ReturnsError(fd.Type.Results) {
		errName = w.nameResults(fd.Type.Results)
	}
	h, call, site := w.hooks(), w.pkg.names.call, w.pkg.spanSite()
	at := w.directive(a.Pos)
	prologue := fmt.Sprintf("var %s *%s.Call; %s, %s = %s.BeginSpan(%s, &%s); defer func() { %s.End(recover(), %s) }()",
		call, h, a.Context, call, h, a.Context, site, call, errName)
	line := w.pkg.fset.Position(fd.Pos()).Line
	w.insert(w.tf.Pos(len(w.src)), fmt.Sprintf("\nvar %s = %s.SpanSite{Name: %q, Function: %q, Line: %d}\n",
		site, h, a.Name, w.qualified(fd), line))
	if callsRecover(fd.Body) {
		w.insert(fd.Body.Lbrace+1, fmt.Sprintf("%sif %s.SpanListening() { %s }; ", at, h, prologue))
		return
	}
	traced := site + "_" + fd.Name.Name
	fwd := w.forward(fd, traced)
	guard := "return " + fwd
	if fd.Type.Results == nil || len(fd.Type.Results.List) == 0 {
		guard = fwd + "; return"
	}
	w.insertOriginal(fd.Body.Lbrace+1, fmt.Sprintf("%sif %s.SpanListening() { %s }; ", at, h, guard))
	w.splice(fd.End(),
		text("\n\n"),
		w.source(fd.Type.Func, fd.Name.Pos()),
		text(traced),
		w.source(fd.Name.End(), fd.Body.Lbrace+1),
		text(at+prologue+"; "),
		w.source(fd.Body.Lbrace+1, fd.End()))
}

// forward names the receiver, type parameters and parameters of fd that
// are unnamed or blank, and returns the call of traced, fd's copy, that
// passes them all on.
func (w *fileWeaver) forward(fd *ast.FuncDecl, traced string) string {
	n := w.pkg.names
	call := traced
	if fd.Recv != nil && len(fd.Recv.List) > 0 {
		call = w.nameFields(fd.Recv, n.recv)[0] + "." + call
	}
	if tp := fd.Type.TypeParams; tp != nil && len(tp.List) > 0 {
		call += "[" + strings.Join(w.nameFields(tp, n.typeParam), ", ") + "]"
	}
	params := fd.Type.Params
	args := w.nameFields(params, n.param)
	if k := len(params.List); k > 0 {
		if _, ok := params.List[k-1].Type.(*ast.Ellipsis); ok {
			args[len(args)-1] += "..."
		}
	}
	return call + "(" + strings.Join(args, ", ") + ")"
}

// nameFields names the fields of fl that are unnamed or blank, the i-th
// name(i), and returns the names of all of them, in order.
func (w *fileWeaver) nameFields(fl *ast.FieldList, name func(int) string) []string {
	var names []string
	for _, f := range fl.List {
		if len(f.Names) == 0 {
			nm := name(len(names))
			w.insert(f.Type.Pos(), nm+" ")
			names = append(names, nm)
			continue
		}
		for _, id := range f.Names {
			nm := id.Name
			if nm == "_" {
				nm = name(len(names))
				w.replace(id.Pos(), id.End(), nm)
			}
			names = append(names, nm)
		}
	}
	return names
}

// callsRecover reports whether body calls recover itself, outside the
// function literals it holds.
func callsRecover(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && id.Name == "recover" {
				found = true
			}
		}
		return !found
	})
	return found
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
