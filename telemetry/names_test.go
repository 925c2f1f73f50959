package telemetry_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// nonTestFiles parses the non-test Go files of the package and of the
// directories under it (telemetry/plugins).
func nonTestFiles(t *testing.T) map[string]*ast.File {
	t.Helper()
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	sub, err := filepath.Glob("*/*.go")
	if err != nil {
		t.Fatal(err)
	}
	names = append(names, sub...)
	files := map[string]*ast.File{}
	fset := token.NewFileSet()
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files[name] = f
	}
	return files
}

func stringLits(n ast.Node) []string {
	var out []string
	ast.Inspect(n, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
			if s, err := strconv.Unquote(lit.Value); err == nil {
				out = append(out, s)
			}
		}
		return true
	})
	return out
}

// TestNames_DefinedOnce checks that no name of the name tables (package
// semconv) is spelt out in a file of the package.
func TestNames_DefinedOnce(t *testing.T) {
	table, err := parser.ParseFile(token.NewFileSet(), filepath.Join("..", "internal", "semconv", "table.go"), nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	defined := map[string]bool{}
	for _, d := range table.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
			continue
		}
		for _, s := range stringLits(d) {
			defined[s] = s != ""
		}
	}
	if len(defined) < 50 {
		t.Fatalf("only %d names in the tables", len(defined))
	}
	for name, f := range nonTestFiles(t) {
		for _, s := range stringLits(f) {
			if defined[s] {
				t.Errorf("%s spells out %q; use the name of package semconv", name, s)
			}
		}
	}
}

// TestMetrics_RecordedOnlyByTheMetricsPlugin checks that no file but
// metrics.go records on an instrument.
func TestMetrics_RecordedOnlyByTheMetricsPlugin(t *testing.T) {
	for name := range nonTestFiles(t) {
		if name == "metrics.go" || strings.Contains(name, "/") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, call := range []string{".Add(ctx", ".Record(ctx", "metric.Int64Counter", "metric.Float64Histogram"} {
			if strings.Contains(string(src), call) {
				t.Errorf("%s contains %s: metrics are recorded by the metrics plugin only", name, call)
			}
		}
	}
}
