package requirement_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/stdlib/backend"
	"github.com/hookweave/hookweave/stdlib/requirement"
)

// judge is a fake validator backend that answers every request with answer
// (or err) and records the requests.
type judge struct {
	answer string
	err    error
	reqs   []backend.Request
}

func (*judge) Name() string  { return "fake" }
func (*judge) Model() string { return "fake-judge" }

func (j *judge) Generate(_ context.Context, req backend.Request) (backend.Response, error) {
	j.reqs = append(j.reqs, req)
	if j.err != nil {
		return backend.Response{}, j.err
	}
	return backend.Response{Text: j.answer}, nil
}

func TestLLMJudgeValidate(t *testing.T) {
	tests := []struct {
		answer  string
		outcome hooks.Outcome
		reason  string
	}{
		{"yes", hooks.Pass, ""},
		{"Y", hooks.Pass, ""},
		{"y", hooks.Pass, ""},
		{" YES\n", hooks.Pass, ""},
		{"Yes, it is polite.", hooks.Pass, ""},
		{"**YES**", hooks.Pass, ""},
		{"I would say yes.", hooks.Pass, ""},
		{"No. Well... yes", hooks.Pass, ""}, // any "yes" word passes, as in mellea
		{"no", hooks.Fail, "is polite"},     // a bare "no": the criterion is the reason
		{"  No\n", hooks.Fail, "is polite"},
		{"No, it is rude.", hooks.Fail, "No, it is rude."},
		{"Nothing rude here.", hooks.Fail, "Nothing rude here."},
		{"Yesterday it was.", hooks.Fail, "Yesterday it was."},
		{"yes_indeed", hooks.Fail, "yes_indeed"}, // '_' is part of a word
		{"y.", hooks.Fail, "y."},
		{"Maybe.", hooks.Fail, "Maybe."},
		{"", hooks.Fail, ""},
	}
	for _, tt := range tests {
		v := &judge{answer: tt.answer}
		got, err := requirement.LLMJudge("is polite").Validate(context.Background(), v, "Thank you kindly.")
		if err != nil {
			t.Fatalf("Validate with answer %q: %v", tt.answer, err)
		}
		wantResult(t, "Validate with answer "+tt.answer, got, tt.outcome, tt.reason)
	}
}

// The judge asks the validator once, about the criterion and the full text.
func TestLLMJudgeAsks(t *testing.T) {
	v := &judge{answer: "yes"}
	if _, err := requirement.LLMJudge("is polite").Validate(context.Background(), v, "Thank you kindly."); err != nil {
		t.Fatal(err)
	}
	if len(v.reqs) != 1 {
		t.Fatalf("validator asked %d times, want 1", len(v.reqs))
	}
	var prompt strings.Builder
	for _, m := range v.reqs[0].Messages {
		prompt.WriteString(m.Content)
	}
	for _, want := range []string{"is polite", "Thank you kindly.", "yes", "no"} {
		if !strings.Contains(prompt.String(), want) {
			t.Errorf("prompt %q does not mention %q", prompt.String(), want)
		}
	}
}

func TestLLMJudgeError(t *testing.T) {
	boom := errors.New("boom")
	_, err := requirement.LLMJudge("is polite").Validate(context.Background(), &judge{err: boom}, "text")
	if !errors.Is(err, boom) {
		t.Fatalf("Validate error = %v, want it to wrap %v", err, boom)
	}
	if got, want := err.Error(), "llm judge: boom"; got != want {
		t.Errorf("Validate error = %q, want %q", got, want)
	}
}

func TestLLMJudgeNilValidator(t *testing.T) {
	_, err := requirement.LLMJudge("is polite").Validate(context.Background(), nil, "text")
	if !errors.Is(err, requirement.ErrNoValidator) {
		t.Fatalf("Validate error = %v, want ErrNoValidator", err)
	}
}

// Chunks are not judged: no model call, an Unknown verdict.
func TestLLMJudgeCheckIsUnknown(t *testing.T) {
	v := &judge{answer: "no"}
	got, err := requirement.LLMJudge("is polite").Check(context.Background(), v, "Go away.")
	if err != nil {
		t.Fatal(err)
	}
	wantResult(t, "Check", got, hooks.Unknown, "")
	if len(v.reqs) != 0 {
		t.Errorf("Check asked the validator %d times, want 0", len(v.reqs))
	}
}

func TestLLMJudgeIsSlowOnlyToValidate(t *testing.T) {
	j := requirement.LLMJudge("polite")
	if requirement.IsSlow(j, false) || !requirement.IsSlow(j, true) {
		t.Errorf("IsSlow(check) = %v, IsSlow(validate) = %v; want false, true",
			requirement.IsSlow(j, false), requirement.IsSlow(j, true))
	}
	if requirement.IsSlow(requirement.MaxWords(3), true) {
		t.Error("MaxWords says it is slow")
	}
}
