package golangci

import (
	"fmt"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/hookweave/hookweave/lint/passes/annotation"
	"github.com/hookweave/hookweave/lint/passes/notelemetry"
	"github.com/hookweave/hookweave/lint/passes/purehooks"
)

// Name is the name under which the plugin registers, and so the key of its
// settings under linters.settings.custom in .golangci.yml.
const Name = "hookweave"

func init() { register.Plugin(Name, New) }

// Settings are the plugin's settings. A list left out takes the default of
// the analyzer's flag.
type Settings struct {
	// Forbid lists the pairs of trees from:to that notelemetry checks, as
	// its -forbid flag does (default stdlib:telemetry and
	// stdlib:go.opentelemetry.io).
	Forbid []string `json:"forbid"`
	// Pure lists the trees whose packages purehooks keeps to the standard
	// library, as its -trees flag does (default hooks and annotations).
	Pure []string `json:"pure"`
}

// New is the plugin's constructor, which golangci-lint calls with the
// settings of .golangci.yml as it decoded them.
func New(settings any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](settings)
	if err != nil {
		return nil, fmt.Errorf("invalid settings: %w", err)
	}
	forbid, err := notelemetry.New(orDefault(s.Forbid, notelemetry.Default)...)
	if err != nil {
		return nil, fmt.Errorf("invalid setting forbid: %w", err)
	}
	pure, err := purehooks.New(orDefault(s.Pure, purehooks.Default)...)
	if err != nil {
		return nil, fmt.Errorf("invalid setting pure: %w", err)
	}
	return plugin{forbid, pure, annotation.Analyzer}, nil
}

// orDefault returns list, or def when the setting was left out.
func orDefault(list, def []string) []string {
	if list == nil {
		return def
	}
	return list
}

// plugin is the linter: its analyzers, built once from the settings.
type plugin []*analysis.Analyzer

func (p plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) { return p, nil }

// GetLoadMode asks for type information: notelemetry follows imports
// through the type checker's packages and package facts.
func (plugin) GetLoadMode() string { return register.LoadModeTypesInfo }
