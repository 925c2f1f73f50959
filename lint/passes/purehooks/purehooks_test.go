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

func TestTreesFlagRejectsBadTrees(t *testing.T) {
	for _, bad := range []string{"", "hooks,", "/hooks", "../hooks", "hooks/"} {
		if err := purehooks.Analyzer.Flags.Set("trees", bad); err == nil {
			t.Errorf("-trees=%s: no error", bad)
		}
	}
}
