package requirement_test

import (
	"context"
	"regexp"
	"testing"

	"github.com/hookweave/hookweave/stdlib/backend"
	"github.com/hookweave/hookweave/stdlib/requirement"
)

// polite is a user requirement with no Name method.
type polite struct{}

func (polite) Description() string { return "says please" }
func (polite) Check(context.Context, backend.Backend, string) (requirement.Result, error) {
	return requirement.Result{}, nil
}
func (polite) Validate(context.Context, backend.Backend, string) (requirement.Result, error) {
	return requirement.Result{}, nil
}

func TestName(t *testing.T) {
	tests := []struct {
		r    requirement.Requirement
		want string
	}{
		{requirement.MaxWords(3), "MaxWords"},
		{requirement.Forbid("x"), "Forbid"},
		{requirement.ForbidPattern(regexp.MustCompile("x")), "ForbidPattern"},
		{requirement.LLMJudge("x"), "LLMJudge"},
		{polite{}, "polite"},
		{&polite{}, "polite"},
		{nil, ""},
	}
	for _, tt := range tests {
		if got := requirement.Name(tt.r); got != tt.want {
			t.Errorf("Name(%T) = %q, want %q", tt.r, got, tt.want)
		}
	}
}

func TestDescription(t *testing.T) {
	tests := []struct {
		r    requirement.Requirement
		want string
	}{
		{requirement.MaxWords(10), "each chunk has at most 10 words"},
		{requirement.MaxWords(1), "each chunk has at most 1 word"},
		{requirement.Forbid("foo"), `never contains the word "foo"`},
		{requirement.ForbidPattern(regexp.MustCompile(`b+`)), `never matches the pattern "b+"`},
		{requirement.LLMJudge("is polite"), "is polite"},
	}
	for _, tt := range tests {
		if got := tt.r.Description(); got != tt.want {
			t.Errorf("%s.Description() = %q, want %q", requirement.Name(tt.r), got, tt.want)
		}
	}
}
