package weave

import (
	"go/ast"

	"github.com/hookweave/hookweave/annotations"
)

// everyFuncAnnotations returns an annotation for each function of f that
// has a body, as if each were annotated: every other one
// //mellea:hook component, the others //mellea:hook span, so that both
// rewrites (a prologue in place, a guard and a traced copy) meet every
// shape of function. It is the test-only mode (Config.annotate) that runs
// the weaver over any Go file. The woven output is then checked for
// syntax and positions, not types: the subject is the receiver (or nil),
// the context is ctx, and a function without results gets none.
func everyFuncAnnotations(f *ast.File) []*annotations.Annotation {
	component, span := annotations.Lookup("component"), annotations.Lookup("span")
	var anns []*annotations.Annotation
	ast.Inspect(f, func(n ast.Node) bool {
		fd, ok := n.(*ast.FuncDecl)
		if !ok || fd.Body == nil {
			return true
		}
		if len(anns)%2 == 1 {
			anns = append(anns, &annotations.Annotation{Pos: fd.Pos(), Lifecycle: span, Func: fd, Context: "ctx", Name: annotations.FuncName(fd)})
			return false
		}
		subject := "nil"
		if fd.Recv != nil && len(fd.Recv.List) > 0 && len(fd.Recv.List[0].Names) > 0 {
			subject = fd.Recv.List[0].Names[0].Name
		}
		anns = append(anns, &annotations.Annotation{Pos: fd.Pos(), Lifecycle: component, Func: fd, Subject: subject, Context: "ctx"})
		return false
	})
	return anns
}
