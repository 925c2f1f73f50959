package requirement

import (
	"context"
	"fmt"
	"strings"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/stdlib/backend"
)

// MaxWordsRequirement fails a chunk that has more than Max words (parts
// between runs of whitespace).
//
// It judges chunks only: its full validation always passes, since a text
// whose every chunk passed has nothing more to fail on.
type MaxWordsRequirement struct {
	Max int
}

var (
	_ Requirement = MaxWordsRequirement{}
	_ Namer       = MaxWordsRequirement{}
)

// MaxWords returns a requirement that every chunk has at most n words.
func MaxWords(n int) MaxWordsRequirement {
	return MaxWordsRequirement{Max: n}
}

// Name reports "MaxWords".
func (MaxWordsRequirement) Name() string { return "MaxWords" }

// Description implements Requirement.
func (m MaxWordsRequirement) Description() string {
	return fmt.Sprintf("each chunk has at most %s", words(m.Max))
}

// Check implements Requirement: fail if chunk has more than Max words.
func (m MaxWordsRequirement) Check(_ context.Context, _ backend.Backend, chunk string) (Result, error) {
	if n := len(strings.Fields(chunk)); n > m.Max {
		return fail("chunk has %s; at most %d allowed", words(n), m.Max), nil
	}
	return Result{Outcome: hooks.Pass}, nil
}

// Validate implements Requirement: always a pass.
func (MaxWordsRequirement) Validate(context.Context, backend.Backend, string) (Result, error) {
	return Result{Outcome: hooks.Pass}, nil
}

// words is "1 word" or "n words".
func words(n int) string {
	if n == 1 {
		return "1 word"
	}
	return fmt.Sprintf("%d words", n)
}

func fail(format string, args ...any) Result {
	return Result{Outcome: hooks.Fail, Reason: fmt.Sprintf(format, args...)}
}
