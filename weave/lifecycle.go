package weave

import (
	"fmt"
	"go/ast"
	"go/token"

	"github.com/hookweave/hookweave/annotations"
)

// annotated weaves the lifecycle of each annotated function of the file.
func (w *fileWeaver) annotated() {
	for _, a := range w.anns {
		w.lifecycle(a)
	}
}

// lifecycle inserts the prologue of a's lifecycle at the top of the
// function's body: the start hook with the subject and the context, whose
// returned context rebinds the context parameter, an early return of the
// start hook's error, and a deferred end hook that sees the error result
// and any panic. The prologue sits on the annotation's line.
func (w *fileWeaver) lifecycle(a *annotations.Annotation) {
	if a.Lifecycle.Subject == "" {
		w.span(a)
		return
	}
	errName := w.nameResults(a.Func.Type.Results)
	n := w.pkg.names
	at := w.directive(a.Pos)
	text := fmt.Sprintf("%s%s, %s, %s := %s.%s(%s, %s%s); ",
		at, a.Context, n.call, n.err, w.hooks(), a.Lifecycle.Begin, a.Context, at, a.Subject)
	text += fmt.Sprintf("if %s != nil { %s = %s; return }; ", n.err, errName, n.err)
	text += fmt.Sprintf("defer func() { %s = %s.End(recover(), %s) }(); ", errName, n.call, errName)
	w.insert(a.Func.Body.Lbrace+1, text)
}

// nameResults names the unnamed results, and the error result if it is
// blank, so that the end hook can read the error result and the start
// hook's error can be returned with a bare return, and returns the error
// result's name. Return statements with values are unaffected; other
// blank results stay blank.
func (w *fileWeaver) nameResults(res *ast.FieldList) string {
	if res == nil || len(res.List) == 0 {
		return "_" // no results: only when the tests annotate every function
	}
	if len(res.List[0].Names) > 0 {
		last := res.List[len(res.List)-1]
		id := last.Names[len(last.Names)-1]
		if id.Name != "_" {
			return id.Name
		}
		name := w.pkg.names.result(0)
		w.replace(id.Pos(), id.End(), name)
		return name
	}
	if res.Opening == token.NoPos {
		w.insert(res.Pos(), "(")
	}
	errName := ""
	for i, f := range res.List {
		errName = w.pkg.names.result(i)
		w.insert(f.Type.Pos(), errName+" ")
	}
	if res.Opening == token.NoPos {
		w.insert(res.End(), ")")
	}
	return errName
}
