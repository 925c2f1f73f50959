package purehooks

import (
	_ "embed"
	"fmt"
	"go/ast"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/hookweave/hookweave/lint/internal/lintutil"
)

//go:embed doc.go
var doc string

// Default holds the trees that Analyzer keeps pure unless its -trees flag
// is set.
var Default = []string{"hooks", "annotations"}

// trees holds the pure trees of Analyzer, set by the -trees flag.
var trees = treeList(Default)

// Analyzer reports imports from outside the standard library in the pure
// trees.
var Analyzer = newAnalyzer(&trees)

func init() {
	Analyzer.Flags.Var(&trees, "trees", "comma-separated `trees`, relative to the module, whose packages import only the standard library")
}

// New returns an analyzer like Analyzer that keeps the given trees pure,
// each relative to the module as in the -trees flag, and has no flags. It
// serves drivers that configure analyzers by value, such as golangci-lint.
func New(trees ...string) (*analysis.Analyzer, error) {
	l, err := parseTrees(trees)
	if err != nil {
		return nil, err
	}
	return newAnalyzer(&l), nil
}

func newAnalyzer(trees *treeList) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name: "purehooks",
		Doc:  lintutil.MustExtractDoc(doc, "purehooks"),
		URL:  "https://pkg.go.dev/github.com/hookweave/hookweave/lint/passes/purehooks",
		Run:  func(pass *analysis.Pass) (any, error) { return run(pass, *trees) },
	}
}

func run(pass *analysis.Pass, trees treeList) (any, error) {
	module := lintutil.Module(pass)
	tree, ok := trees.holder(lintutil.TreePath(pass.Pkg), module)
	if !ok {
		return nil, nil
	}
	for _, f := range pass.Files {
		if isTest(pass, f) {
			continue
		}
		for _, spec := range f.Imports {
			imp := lintutil.ImportPath(pass, spec)
			if imp == "C" || lintutil.IsStd(imp, module) || lintutil.Under(imp, tree) {
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
	list, err := parseTrees(strings.Split(s, ","))
	if err != nil {
		return err
	}
	*l = list
	return nil
}

// parseTrees checks that each item names a tree.
func parseTrees(items []string) (treeList, error) {
	var list treeList
	for _, tree := range items {
		tree = strings.TrimSpace(tree)
		if !lintutil.IsTree(tree) {
			return nil, fmt.Errorf("invalid tree %q: want a relative path such as hooks", tree)
		}
		list = append(list, tree)
	}
	return list, nil
}

// holder returns the import path of the tree, in module, that holds the
// package path, and false when none does.
func (l treeList) holder(path, module string) (string, bool) {
	for _, tree := range l {
		if t := lintutil.Resolve(tree, module); lintutil.Under(path, t) {
			return t, true
		}
	}
	return "", false
}

// isTest reports whether f is a _test.go file, which no importer compiles.
func isTest(pass *analysis.Pass, f *ast.File) bool {
	return strings.HasSuffix(pass.Fset.File(f.FileStart).Name(), "_test.go")
}
