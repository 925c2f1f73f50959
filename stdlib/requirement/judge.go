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
// its own generation lifecycle (and chat span). The first word of the
// answer decides, in any case and past leading punctuation: "yes" passes,
// "no" fails with the answer as the reason, anything else is Unknown.
type LLMJudgeRequirement struct {
	Criterion string
}

// LLMJudge returns a requirement that the validator backend judges the
// full text to meet description.
func LLMJudge(description string) LLMJudgeRequirement {
	return LLMJudgeRequirement{Criterion: description}
}

// Name reports "LLMJudge".
func (LLMJudgeRequirement) Name() string { return "LLMJudge" }

// Description implements Requirement: the criterion.
func (j LLMJudgeRequirement) Description() string { return j.Criterion }

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
	return verdict(resp.Text), nil
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

// verdict maps the judge's answer to a Result by its first word.
func verdict(answer string) Result {
	answer = strings.TrimSpace(answer)
	switch firstWord(answer) {
	case "yes":
		return Result{Outcome: hooks.Pass}
	case "no":
		return Result{Outcome: hooks.Fail, Reason: answer}
	}
	return Result{Outcome: hooks.Unknown, Reason: fmt.Sprintf("judge answered neither yes nor no: %q", answer)}
}

// firstWord is the first run of letters in s, lower-cased: "yes" for
// "**Yes**, it does".
func firstWord(s string) string {
	s = strings.TrimLeftFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }); end >= 0 {
		s = s[:end]
	}
	return strings.ToLower(s)
}
