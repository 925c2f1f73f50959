package golangci_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/hookweave/hookweave/lint/golangci"
)

// fixture returns the directory of a module the analyzers check: m, whose
// packages break the default rules, or custom, whose break those of the
// settings of TestSettings.
func fixture(name string) string {
	return filepath.Join(analysistest.TestData(), "src", "example.com", name)
}

// analyzers builds the plugin registered as hookweave, as golangci-lint
// does, from settings shaped as it decodes .golangci.yml.
func analyzers(t *testing.T, settings any) []*analysis.Analyzer {
	t.Helper()
	newPlugin, err := register.GetPlugin("hookweave")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(settings)
	if err != nil {
		t.Fatal(err)
	}
	if mode := p.GetLoadMode(); mode != register.LoadModeTypesInfo {
		t.Errorf("load mode %q, want %q", mode, register.LoadModeTypesInfo)
	}
	list, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	return list
}

// run runs each analyzer of list, by name, on the packages of the module
// dir that patterns give for it.
func run(t *testing.T, list []*analysis.Analyzer, dir string, patterns map[string][]string) {
	t.Helper()
	if len(list) != len(patterns) {
		t.Fatalf("%d analyzers, want %d", len(list), len(patterns))
	}
	for _, a := range list {
		p, ok := patterns[a.Name]
		if !ok {
			t.Fatalf("unexpected analyzer %s", a.Name)
		}
		analysistest.Run(t, dir, a, p...)
	}
}

func TestDefaults(t *testing.T) {
	run(t, analyzers(t, nil), fixture("m"), map[string][]string{
		"notelemetry": {"./stdlib"},
		"purehooks":   {"./hooks"},
		"annotation":  {"./annotated"},
	})
}

// TestSettings checks the pairs and trees of the settings, which replace
// the defaults: custom's stdlib imports telemetry and its hooks imports
// metrics, and nothing is reported there.
func TestSettings(t *testing.T) {
	settings := map[string]any{
		"forbid": []any{"core:metrics"},
		"pure":   []any{"pure"},
	}
	run(t, analyzers(t, settings), fixture("custom"), map[string][]string{
		"notelemetry": {"./core", "./stdlib"},
		"purehooks":   {"./pure", "./hooks"},
		"annotation":  {"./stdlib"},
	})
}

func TestBadSettings(t *testing.T) {
	for _, c := range []struct {
		settings any
		want     string
	}{
		{map[string]any{"forbidden": []any{"core:metrics"}}, `invalid settings: decoding settings: json: unknown field "forbidden"`},
		{map[string]any{"forbid": "core:metrics"}, `invalid settings: decoding settings: json: cannot unmarshal string into Go struct field Settings.forbid of type []string`},
		{map[string]any{"pure": []any{1}}, `invalid settings: decoding settings: json: cannot unmarshal number into Go struct field Settings.pure of type string`},
		{map[string]any{"forbid": []any{"core"}}, `invalid setting forbid: invalid pair "core": want from:to`},
		{map[string]any{"forbid": []any{"core:metrics,stdlib:telemetry"}}, `invalid setting forbid: invalid pair "core:metrics,stdlib:telemetry"`},
		{map[string]any{"pure": []any{"../hooks"}}, `invalid setting pure: invalid tree "../hooks"`},
	} {
		_, err := golangci.New(c.settings)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("New(%v): error %v, want %s", c.settings, err, c.want)
		}
	}
}
