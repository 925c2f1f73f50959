package runtimebench

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	tm "github.com/hookweave/hookweave/telemetry"
)

// telemetryNames are the names of every profile: span, event, attribute
// and instrument names, units, descriptions and values.
func telemetryNames(t *testing.T) map[string]bool {
	names := map[string]bool{tm.TracerApplication: true, tm.TracerBackend: true, tm.MeterName: true}
	for _, p := range []string{tm.ProfileV07, tm.ProfileMain} {
		ref, ok := tm.Reference(p)
		if !ok {
			t.Fatalf("no profile %q", p)
		}
		v := reflect.ValueOf(ref)
		for i := range v.NumField() {
			switch f := v.Field(i); {
			case !v.Type().Field(i).IsExported():
			case f.Kind() == reflect.String:
				names[f.String()] = true
			case f.Type() == reflect.TypeFor[tm.Instrument]():
				in := f.Interface().(tm.Instrument)
				names[in.Name], names[in.Unit], names[in.Description] = true, true, true
			}
		}
		names[ref.ChatSpan("scripted-model")] = true
		names[ref.ChunkingName("sentence")] = true
	}
	delete(names, "")
	return names
}

// TestInline_NamesFromTelemetry checks that the files that call
// OpenTelemetry (the inline reference and the SDK set-up) spell out no
// telemetry name: the inline reference takes each from package telemetry,
// so that it cannot agree with the plugins by copying what they emit.
func TestInline_NamesFromTelemetry(t *testing.T) {
	names := telemetryNames(t)
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		if !callsOpenTelemetry(f) {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil && names[s] {
					t.Errorf("%s spells out the telemetry name %q", fset.Position(lit.Pos()), s)
				}
			}
			return true
		})
	}
}

func callsOpenTelemetry(f *ast.File) bool {
	for _, imp := range f.Imports {
		if path, _ := strconv.Unquote(imp.Path.Value); strings.HasPrefix(path, "go.opentelemetry.io/") {
			return true
		}
	}
	return false
}
