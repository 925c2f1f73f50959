package lint

import (
	"cmp"
	"errors"
	"fmt"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// A Finding is one diagnostic of an analyzer, at its position.
type Finding struct {
	Posn     token.Position
	Analyzer string
	Message  string
}

func (f Finding) String() string { return f.Posn.String() + ": " + f.Message }

// Check runs the Analyzers on the packages that patterns name, resolved in
// dir, and on their tests when tests is set. It returns the findings in
// position order, each once (a package and its test variant share files).
// Packages that do not load or type-check are an error: nothing is checked
// halfway.
func Check(dir string, patterns []string, tests bool) ([]Finding, error) {
	cfg := &packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Dir: dir, Tests: tests}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, err
	}
	if err := loadErrors(pkgs); err != nil {
		return nil, err
	}
	pkgs = slices.DeleteFunc(pkgs, isTestMain)
	graph, err := checker.Analyze(Analyzers, pkgs, nil)
	if err != nil {
		return nil, err
	}
	return findings(graph)
}

// loadErrors joins the errors of loading and type-checking pkgs and their
// dependencies, each once.
func loadErrors(pkgs []*packages.Package) error {
	var errs []error
	seen := map[string]bool{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			if s := e.Error(); !seen[s] {
				seen[s] = true
				errs = append(errs, errors.New(s))
			}
		}
	})
	return errors.Join(errs...)
}

// isTestMain reports whether p is the main package that go test generates
// to run a package's tests: it holds no code of the module's.
func isTestMain(p *packages.Package) bool {
	return p.Name == "main" && strings.HasSuffix(p.PkgPath, ".test")
}

func findings(graph *checker.Graph) ([]Finding, error) {
	var list []Finding
	var errs []error
	seen := map[string]bool{}
	for _, act := range graph.Roots {
		if act.Err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", act, act.Err))
			continue
		}
		for _, d := range act.Diagnostics {
			f := Finding{Posn: act.Package.Fset.Position(d.Pos), Analyzer: act.Analyzer.Name, Message: d.Message}
			if key := f.String(); !seen[key] {
				seen[key] = true
				list = append(list, f)
			}
		}
	}
	slices.SortFunc(list, compare)
	return list, errors.Join(errs...)
}

func compare(a, b Finding) int {
	return cmp.Or(
		cmp.Compare(a.Posn.Filename, b.Posn.Filename),
		cmp.Compare(a.Posn.Line, b.Posn.Line),
		cmp.Compare(a.Posn.Column, b.Posn.Column),
		cmp.Compare(a.Message, b.Message),
	)
}
