package lint_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/hookweave/hookweave/lint"
)

func TestAnalyzers(t *testing.T) {
	if err := analysis.Validate(lint.Analyzers); err != nil {
		t.Fatal(err)
	}
	for _, a := range lint.Analyzers {
		if summary, _, _ := strings.Cut(a.Doc, "\n"); !strings.HasPrefix(summary, "check ") {
			t.Errorf("%s: summary %q does not begin with check", a.Name, summary)
		}
	}
}
