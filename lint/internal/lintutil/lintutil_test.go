package lintutil

import "testing"

func TestUnder(t *testing.T) {
	for _, c := range []struct {
		path, tree string
		want       bool
	}{
		{"m/telemetry", "m/telemetry", true},
		{"m/telemetry/otel", "m/telemetry", true},
		{"m/telemetryx", "m/telemetry", false},
		{"m/telemetryx/otel", "m/telemetry", false},
		{"m", "m/telemetry", false},
	} {
		if got := Under(c.path, c.tree); got != c.want {
			t.Errorf("Under(%q, %q) = %v, want %v", c.path, c.tree, got, c.want)
		}
	}
}

func TestIsTree(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"stdlib", true},
		{"stdlib/backend", true},
		{"go.opentelemetry.io", true},
		{"", false},
		{"/stdlib", false},
		{"..", false},
		{"../stdlib", false},
		{"stdlib/", false},
		{"stdlib/../x", false},
		{"telemetry,stdlib", false},
		{"stdlib:telemetry", false},
		{"std lib", false},
	} {
		if got := IsTree(c.s); got != c.want {
			t.Errorf("IsTree(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

func TestResolve(t *testing.T) {
	for _, c := range []struct{ tree, module, want string }{
		{"stdlib", "example.com/m", "example.com/m/stdlib"},
		{"stdlib/backend", "example.com/m", "example.com/m/stdlib/backend"},
		{"go.opentelemetry.io", "example.com/m", "go.opentelemetry.io"},
		{"go.opentelemetry.io/otel", "example.com/m", "go.opentelemetry.io/otel"},
		{"stdlib", "", "stdlib"},
	} {
		if got := Resolve(c.tree, c.module); got != c.want {
			t.Errorf("Resolve(%q, %q) = %q, want %q", c.tree, c.module, got, c.want)
		}
	}
}

func TestIsStd(t *testing.T) {
	for _, c := range []struct {
		path, module string
		want         bool
	}{
		{"fmt", "example.com/m", true},
		{"go/ast", "example.com/m", true},
		{"example.com/m/hooks", "example.com/m", false},
		{"golang.org/x/tools/go/analysis", "example.com/m", false},
		{"m/hooks", "m", false},
		{"fmt", "m", true},
	} {
		if got := IsStd(c.path, c.module); got != c.want {
			t.Errorf("IsStd(%q, %q) = %v, want %v", c.path, c.module, got, c.want)
		}
	}
}

func TestExtractDoc(t *testing.T) {
	const src = `// Package x does things.
//
// # Analyzer x
//
// x: check things
//
// More about things.
//
// # Other
//
// Not this.
package x
`
	got, err := extractDoc(src, "x")
	if want := "check things\n\nMore about things."; err != nil || got != want {
		t.Errorf("extractDoc = %q, %v; want %q", got, err, want)
	}
	if _, err := extractDoc(src, "y"); err == nil {
		t.Error("extractDoc of a missing section: no error")
	}
}
