package purehooks

import (
	_ "embed"
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/hookweave/hookweave/lint/internal/lintutil"
)

//go:embed doc.go
var doc string

// Analyzer reports imports from outside the standard library in the pure
// trees.
var Analyzer = &analysis.Analyzer{
	Name: "purehooks",
	Doc:  lintutil.MustExtractDoc(doc, "purehooks"),
	URL:  "https://pkg.go.dev/github.com/hookweave/hookweave/lint/passes/purehooks",
	Run:  run,
}

// trees holds the pure trees, set by the -trees flag.
var trees = treeList{"hooks", "annotations"}

func init() {
	Analyzer.Flags.Var(&trees, "trees", "comma-separated `trees`, relative to the module, whose packages import only the standard library")
}

func run(pass *analysis.Pass) (any, error) {
	module := lintutil.Module(pass)
	if !trees.hold(lintutil.TreePath(pass.Pkg), module) {
		return nil, nil
	}
	for _, f := range pass.Files {
		for _, spec := range f.Imports {
			imp := lintutil.ImportPath(pass, spec)
			if imp == "C" || lintutil.IsStd(imp, module) {
				continue
			}
			pass.Reportf(spec.Pos(), "%s must import only the standard library, not %s",
				lintutil.Short(pass.Pkg.Path(), module), lintutil.Short(imp, module))
		}
	}
	return nil, nil
}

// treeList is the value of the -trees flag.
type treeList []string

func (l *treeList) String() string { return strings.Join(*l, ",") }

func (l *treeList) Set(s string) error {
	var list treeList
	for tree := range strings.SplitSeq(s, ",") {
		tree = strings.TrimSpace(tree)
		if !lintutil.IsTree(tree) {
			return fmt.Errorf("invalid tree %q: want a relative path such as hooks", tree)
		}
		list = append(list, tree)
	}
	*l = list
	return nil
}

// hold reports whether one of the trees, in module, holds the package path.
func (l treeList) hold(path, module string) bool {
	for _, tree := range l {
		if lintutil.Under(path, lintutil.Resolve(tree, module)) {
			return true
		}
	}
	return false
}
