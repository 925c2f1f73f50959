package notelemetry_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/hookweave/hookweave/lint/passes/notelemetry"
)

func Test(t *testing.T) {
	dir := filepath.Join(analysistest.TestData(), "src", "example.com", "m")
	analysistest.Run(t, dir, notelemetry.Analyzer, "./...")
}

func TestForbidFlag(t *testing.T) {
	setFlag(t, "forbid", "core:metrics")
	dir := filepath.Join(analysistest.TestData(), "src", "example.com", "custom")
	analysistest.Run(t, dir, notelemetry.Analyzer, "./...")
}

func TestNew(t *testing.T) {
	a, err := notelemetry.New("core:metrics")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(analysistest.TestData(), "src", "example.com", "custom")
	analysistest.Run(t, dir, a, "./...")
}

func TestNewRejectsBadPairs(t *testing.T) {
	for _, bad := range []string{"stdlib", "stdlib:", ":telemetry", "stdlib:telemetry,stdlib:hooks"} {
		if _, err := notelemetry.New("core:metrics", bad); err == nil {
			t.Errorf("New(%q): no error", bad)
		}
	}
}

func TestForbidFlagRejectsBadPairs(t *testing.T) {
	for _, bad := range []string{"stdlib", "stdlib:", ":telemetry", "/stdlib:telemetry", "stdlib:../telemetry", "stdlib/:telemetry", "stdlib:telemetry,"} {
		if err := notelemetry.Analyzer.Flags.Set("forbid", bad); err == nil {
			t.Errorf("-forbid=%s: no error", bad)
		}
	}
}

// setFlag sets an analyzer flag for the rest of the test.
func setFlag(t *testing.T, name, value string) {
	f := notelemetry.Analyzer.Flags.Lookup(name)
	old := f.Value.String()
	if err := f.Value.Set(value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Value.Set(old) })
}
