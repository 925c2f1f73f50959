package requirement_test

import (
	"context"
	"testing"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/stdlib/requirement"
)

// check runs r's per-chunk check on chunk with no validator.
func check(t *testing.T, r requirement.Requirement, chunk string) requirement.Result {
	t.Helper()
	res, err := r.Check(context.Background(), nil, chunk)
	if err != nil {
		t.Fatalf("%s.Check(%q): %v", requirement.Name(r), chunk, err)
	}
	return res
}

// validate runs r's full validation on text with no validator.
func validate(t *testing.T, r requirement.Requirement, text string) requirement.Result {
	t.Helper()
	res, err := r.Validate(context.Background(), nil, text)
	if err != nil {
		t.Fatalf("%s.Validate(%q): %v", requirement.Name(r), text, err)
	}
	return res
}

func wantResult(t *testing.T, what string, got requirement.Result, outcome hooks.Outcome, reason string) {
	t.Helper()
	if got.Outcome != outcome || got.Reason != reason {
		t.Errorf("%s = %v %q, want %v %q", what, got.Outcome, got.Reason, outcome, reason)
	}
}
