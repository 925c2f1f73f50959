package annotation_test

import (
	"errors"
	"go/token"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/hookweave/hookweave/annotations"
	"github.com/hookweave/hookweave/lint/passes/annotation"
)

func Test(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), annotation.Analyzer, "a", "lined")
}

// TestSameAsWeaver checks that each diagnostic is one of the errors of
// annotations.ParseFile, at its position and with its message.
func TestSameAsWeaver(t *testing.T) {
	for _, r := range analysistest.Run(t, analysistest.TestData(), annotation.Analyzer, "a", "lined") {
		want := map[token.Position]string{}
		for _, f := range r.Action.Package.Syntax {
			_, err := annotations.ParseFile(r.Action.Package.Fset, f)
			var list annotations.ErrorList
			if err != nil && !errors.As(err, &list) {
				t.Fatalf("ParseFile: %v", err)
			}
			for _, e := range list {
				want[e.Pos] = e.Msg
			}
		}
		for _, d := range r.Diagnostics {
			pos := r.Action.Package.Fset.Position(d.Pos)
			if msg, ok := want[pos]; !ok || msg != d.Message {
				t.Errorf("%v: %q is not the weaver's error (%q)", pos, d.Message, msg)
			}
			delete(want, pos)
		}
		for pos, msg := range want {
			t.Errorf("%v: %q not reported", pos, msg)
		}
	}
}
