package notelemetry

import (
	_ "embed"
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/hookweave/hookweave/lint/internal/lintutil"
)

//go:embed doc.go
var doc string

// Default holds the pairs that Analyzer forbids unless its -forbid flag is
// set.
var Default = []string{"stdlib:telemetry", "stdlib:go.opentelemetry.io"}

// forbid holds the pairs of trees of Analyzer, set by the -forbid flag.
var forbid = mustParse(Default)

// Analyzer reports imports that lead from a tree to a forbidden tree.
var Analyzer = newAnalyzer(&forbid)

func init() {
	Analyzer.Flags.Var(&forbid, "forbid", "comma-separated `from:to` pairs of trees: no package under from imports one under to (relative to the module unless the first element has a dot)")
}

// New returns an analyzer like Analyzer that forbids the given pairs of
// trees, each from:to as in the -forbid flag, and has no flags. It serves
// drivers that configure analyzers by value, such as golangci-lint.
func New(forbid ...string) (*analysis.Analyzer, error) {
	p, err := parse(forbid)
	if err != nil {
		return nil, err
	}
	return newAnalyzer(&p), nil
}

func newAnalyzer(forbid *pairs) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:      "notelemetry",
		Doc:       lintutil.MustExtractDoc(doc, "notelemetry"),
		URL:       "https://pkg.go.dev/github.com/hookweave/hookweave/lint/passes/notelemetry",
		Run:       func(pass *analysis.Pass) (any, error) { return run(pass, *forbid) },
		FactTypes: []analysis.Fact{new(reaches)},
	}
}

func run(pass *analysis.Pass, forbid pairs) (any, error) {
	path := pass.Pkg.Path()
	if pass.Module == nil && lintutil.IsStd(path, "") {
		return nil, nil // the standard library imports only itself
	}
	if isTestMain(pass.Pkg) {
		return nil, nil // it imports only the test packages, which are checked
	}
	facts := importedFacts(pass)
	if r := reachesOf(path, forbid, facts); len(r.Trees) > 0 {
		pass.ExportPackageFact(r)
	}
	module := lintutil.Module(pass)
	if rules := forbid.from(lintutil.TreePath(pass.Pkg), module); len(rules) > 0 {
		check(pass, module, rules, facts)
	}
	return nil, nil
}

// importedFacts returns the facts of the packages that pass imports
// directly, in the order of their first import.
func importedFacts(pass *analysis.Pass) map[*types.Package]*reaches {
	facts := map[*types.Package]*reaches{}
	for _, f := range pass.Files {
		for _, spec := range f.Imports {
			pkg := imported(pass, spec)
			if pkg == nil {
				continue
			}
			if _, seen := facts[pkg]; seen {
				continue
			}
			r := new(reaches)
			if !pass.ImportPackageFact(pkg, r) {
				r = nil
			}
			facts[pkg] = r
		}
	}
	return facts
}

// check reports each import of pass that leads to a tree that rules forbid.
func check(pass *analysis.Pass, module string, rules []pair, facts map[*types.Package]*reaches) {
	for _, f := range pass.Files {
		for _, spec := range f.Imports {
			pkg := imported(pass, spec)
			if pkg == nil || facts[pkg] == nil {
				continue
			}
			for _, rule := range rules {
				if chain := facts[pkg].chain(lintutil.Resolve(rule.to, module)); chain != nil {
					pass.Reportf(spec.Pos(), "%s must not import %s (via %s)",
						lintutil.Short(pass.Pkg.Path(), module), rule.to, describe(pass.Pkg.Path(), chain, module))
					break
				}
			}
		}
	}
}

// describe writes the import chain from path through chain, with paths in
// module relative to it.
func describe(path string, chain []string, module string) string {
	names := []string{lintutil.Short(path, module)}
	for _, p := range chain {
		names = append(names, lintutil.Short(p, module))
	}
	return strings.Join(names, " -> ")
}

func imported(pass *analysis.Pass, spec *ast.ImportSpec) *types.Package {
	if name := pass.TypesInfo.PkgNameOf(spec); name != nil {
		return name.Imported()
	}
	return nil // import "C", or a broken import
}

// isTestMain reports whether pkg is the main package that go test
// generates to run a package's tests (p.test).
func isTestMain(pkg *types.Package) bool {
	return pkg.Name() == "main" && strings.HasSuffix(pkg.Path(), ".test")
}
