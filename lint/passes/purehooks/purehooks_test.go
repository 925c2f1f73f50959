package purehooks_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/hookweave/hookweave/lint/passes/purehooks"
)

func Test(t *testing.T) {
	dir := filepath.Join(analysistest.TestData(), "src", "example.com", "m")
	analysistest.Run(t, dir, purehooks.Analyzer, "./...")
}

func TestNew(t *testing.T) {
	a, err := purehooks.New("core")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(analysistest.TestData(), "src", "example.com", "custom")
	analysistest.Run(t, dir, a, "./...")
}

func TestNewRejectsBadTrees(t *testing.T) {
	for _, bad := range []string{"", "/hooks", "../hooks", "hooks/"} {
		if _, err := purehooks.New("core", bad); err == nil {
			t.Errorf("New(%q): no error", bad)
		}
	}
}

func TestTreesFlagRejectsBadTrees(t *testing.T) {
	for _, bad := range []string{"", "hooks,", "/hooks", "../hooks", "hooks/"} {
		if err := purehooks.Analyzer.Flags.Set("trees", bad); err == nil {
			t.Errorf("-trees=%s: no error", bad)
		}
	}
}
