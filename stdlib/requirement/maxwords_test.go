package requirement_test

import (
	"fmt"
	"testing"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/stdlib/requirement"
)

func TestMaxWordsCheck(t *testing.T) {
	tests := []struct {
		max     int
		chunk   string
		outcome hooks.Outcome
		reason  string
	}{
		{3, "", hooks.Pass, ""},
		{3, "one two three.", hooks.Pass, ""},
		{3, "  one\ttwo\n three  ", hooks.Pass, ""},
		{3, "one two three four", hooks.Fail, "chunk has 4 words; at most 3 allowed"},
		{10, "a b c d e f g h i j k l", hooks.Fail, "chunk has 12 words; at most 10 allowed"},
		{1, "one two", hooks.Fail, "chunk has 2 words; at most 1 allowed"},
		{0, "one", hooks.Fail, "chunk has 1 word; at most 0 allowed"},
		{0, " ", hooks.Pass, ""},
	}
	for _, tt := range tests {
		got := check(t, requirement.MaxWords(tt.max), tt.chunk)
		wantResult(t, fmt.Sprintf("MaxWords(%d) on %q", tt.max, tt.chunk), got, tt.outcome, tt.reason)
	}
}

// Full validation passes: MaxWords judges chunks, not the whole text.
func TestMaxWordsValidatePasses(t *testing.T) {
	got := validate(t, requirement.MaxWords(1), "far more than one word in this text")
	wantResult(t, "Validate", got, hooks.Pass, "")
}
