package annotation

import (
	_ "embed"
	"errors"
	"go/ast"

	"golang.org/x/tools/go/analysis"

	"github.com/hookweave/hookweave/annotations"
	"github.com/hookweave/hookweave/lint/internal/lintutil"
)

//go:embed doc.go
var doc string

// Analyzer reports the problems that annotations.ParseFile finds.
var Analyzer = &analysis.Analyzer{
	Name: "annotation",
	Doc:  lintutil.MustExtractDoc(doc, "annotation"),
	URL:  "https://pkg.go.dev/github.com/hookweave/hookweave/lint/passes/annotation",
	Run:  run,
}

func run(pass *analysis.Pass) (any, error) {
	for _, f := range pass.Files {
		if _, err := annotations.ParseFile(pass.Fset, f); err != nil {
			report(pass, f, err)
		}
	}
	return nil, nil
}

// report reports each error of the parse of f at its position, with its
// message alone: the driver writes the position.
func report(pass *analysis.Pass, f *ast.File, err error) {
	var list annotations.ErrorList
	if !errors.As(err, &list) {
		pass.Reportf(f.Package, "%s", err)
		return
	}
	tf := pass.Fset.File(f.FileStart)
	for _, e := range list {
		pos := f.Package
		if e.Pos.IsValid() && e.Pos.Offset <= tf.Size() {
			pos = tf.Pos(e.Pos.Offset) // the offset holds where a //line directive moves the position
		}
		pass.Report(analysis.Diagnostic{Pos: pos, Message: e.Msg})
	}
}
