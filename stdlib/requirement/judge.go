package requirement

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/stdlib/backend"
)

// ErrNoValidator is returned by an LLM judge's full validation when it has
// no validator backend to ask.
var ErrNoValidator = errors.New("llm judge: no validator backend")

// LLMJudgeRequirement asks the validator backend whether the full text
// meets Criterion.
//
// It does not judge chunks: Check returns Unknown without calling a model,
// so that a stream makes no model call per chunk. Validate asks the
// validator a yes-or-no question with backend.Complete, so the call opens
// its own generation lifecycle (and chat span). It reads the answer as
// mellea does: a "yes" word anywhere in it passes; anything else fails,
// with the answer as the reason, or the criterion for a bare "no".
type LLMJudgeRequirement struct {
	Criterion string
}

var (
	_ Requirement = LLMJudgeRequirement{}
	_ Namer       = LLMJudgeRequirement{}
	_ Slow        = LLMJudgeRequirement{}
)

// LLMJudge returns a requirement that the validator backend judges the
// full text to meet description.
func LLMJudge(description string) LLMJudgeRequirement {
	return LLMJudgeRequirement{Criterion: description}
}

// Name reports "LLMJudge".
func (LLMJudgeRequirement) Name() string { return "LLMJudge" }

// Description implements Requirement: the criterion.
func (j LLMJudgeRequirement) Description() string { return j.Criterion }

// SlowCheck implements Slow: Check makes no model call.
func (LLMJudgeRequirement) SlowCheck() bool { return false }

// SlowValidate implements Slow: Validate asks a model.
func (LLMJudgeRequirement) SlowValidate() bool { return true }

// Check implements Requirement: always Unknown, without a model call.
func (LLMJudgeRequirement) Check(context.Context, backend.Backend, string) (Result, error) {
	return Result{Outcome: hooks.Unknown}, nil
}

// Validate implements Requirement: it asks validator whether fullText
// meets the criterion. A nil validator is ErrNoValidator; a backend
// failure is returned wrapped.
func (j LLMJudgeRequirement) Validate(ctx context.Context, validator backend.Backend, fullText string) (Result, error) {
	if validator == nil {
		return Result{}, ErrNoValidator
	}
	resp, err := backend.Complete(ctx, validator, j.request(fullText))
	if err != nil {
		return Result{}, fmt.Errorf("llm judge: %w", err)
	}
	return j.verdict(resp.Text), nil
}

const judgeSystem = `You judge whether a text meets a requirement. ` +
	`Begin your answer with "yes" or "no"; after "no", say briefly why.`

func (j LLMJudgeRequirement) request(text string) backend.Request {
	question := fmt.Sprintf("Requirement: %s\n\nText:\n%s\n\nDoes the text meet the requirement? Answer yes or no.",
		j.Criterion, text)
	return backend.Request{
		Messages: []backend.Message{
			{Role: "system", Content: judgeSystem},
			{Role: "user", Content: question},
		},
		Action:    j.Criterion,
		Component: "Requirement",
	}
}

// verdict reads the judge's answer as mellea does: the answer "yes" or "y"
// in any case, or any word of it (the runs of letters, digits and '_')
// that is "yes" in any case, passes; anything else fails. The reason of a
// failure is the answer, trimmed, except for a bare "yes" or "no" (trimmed,
// any case), whose reason is the criterion.
func (j LLMJudgeRequirement) verdict(answer string) Result {
	if yes(answer) {
		return Result{Outcome: hooks.Pass}
	}
	reason := strings.TrimSpace(answer)
	if r := strings.ToLower(reason); r == "yes" || r == "no" {
		reason = j.Criterion
	}
	return Result{Outcome: hooks.Fail, Reason: reason}
}

// yes reports whether answer says yes, by mellea's default_output_to_bool.
func yes(answer string) bool {
	if strings.EqualFold(answer, "yes") || strings.EqualFold(answer, "y") {
		return true
	}
	for _, w := range strings.FieldsFunc(answer, notWordRune) {
		if strings.EqualFold(w, "yes") {
			return true
		}
	}
	return false
}

// notWordRune reports whether r is outside Python's \w: letters, numbers
// and '_'.
func notWordRune(r rune) bool {
	return !(r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r))
}
