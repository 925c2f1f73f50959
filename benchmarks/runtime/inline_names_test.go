package runtime

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/hookweave/hookweave/internal/semconv"
	tm "github.com/hookweave/hookweave/telemetry"
)

// telemetryNames are the names of every profile: span, event, attribute
// and instrument names, units, descriptions and values.
func telemetryNames() map[string]bool {
	names := map[string]bool{tm.TracerApplication: true, tm.TracerBackend: true, tm.MeterName: true}
	var add func(v reflect.Value)
	add = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			names[v.String()] = true
		case reflect.Struct:
			for i := range v.NumField() {
				add(v.Field(i))
			}
		case reflect.Slice:
			for i := range v.Len() {
				add(v.Index(i))
			}
		case reflect.Map:
			for it := v.MapRange(); it.Next(); {
				add(it.Value())
			}
		}
	}
	for _, n := range semconv.Profiles {
		add(reflect.ValueOf(*n))
		names[n.ChatName("scripted-model")] = true
	}
	delete(names, "")
	return names
}

// TestInline_NamesFromTelemetry checks that the files that call
// OpenTelemetry (the inline reference and the SDK set-up) spell out no
// telemetry name: the inline reference takes each from package semconv, as the plugins do,
// so that it cannot agree with the plugins by copying what they emit.
func TestInline_NamesFromTelemetry(t *testing.T) {
	names := telemetryNames()
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
