package requirement

import (
	"context"
	"fmt"
	"regexp"
	"unicode"
	"unicode/utf8"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/stdlib/backend"
)

// ForbidRequirement fails a chunk, and the full text, that contains Word as
// a whole word, in any case (Unicode simple folding, as in strings.EqualFold).
// Whole means that a letter, digit, mark or '_' at an edge of Word is not
// next to another one in the text: "cat" is found in "Cat!" but not in
// "concatenate". An empty Word forbids nothing.
type ForbidRequirement struct {
	Word string
}

var (
	_ Requirement = ForbidRequirement{}
	_ Namer       = ForbidRequirement{}
)

// Forbid returns a requirement that the text never contains word, as a
// whole word in any case.
func Forbid(word string) ForbidRequirement {
	return ForbidRequirement{Word: word}
}

// Name reports "Forbid".
func (ForbidRequirement) Name() string { return "Forbid" }

// Description implements Requirement.
func (f ForbidRequirement) Description() string {
	return fmt.Sprintf("never contains the word %q", f.Word)
}

// Check implements Requirement: fail if chunk contains the word.
func (f ForbidRequirement) Check(_ context.Context, _ backend.Backend, chunk string) (Result, error) {
	return f.judge("chunk", chunk), nil
}

// Validate implements Requirement: fail if fullText contains the word.
func (f ForbidRequirement) Validate(_ context.Context, _ backend.Backend, fullText string) (Result, error) {
	return f.judge("text", fullText), nil
}

func (f ForbidRequirement) judge(what, s string) Result {
	if containsWord(s, f.Word) {
		return fail("%s contains forbidden word %q", what, f.Word)
	}
	return Result{Outcome: hooks.Pass}
}

// containsWord reports whether s holds word as a whole word, in any case.
func containsWord(s, word string) bool {
	if word == "" {
		return false
	}
	for start := 0; start < len(s); {
		if end, ok := foldPrefix(s, start, word); ok && isWhole(s, start, end) {
			return true
		}
		_, n := utf8.DecodeRuneInString(s[start:])
		start += n
	}
	return false
}

// foldPrefix reports whether s[start:] begins with word in any case, and
// where that prefix ends.
func foldPrefix(s string, start int, word string) (end int, ok bool) {
	end = start
	for _, w := range word {
		if end >= len(s) {
			return 0, false
		}
		r, n := utf8.DecodeRuneInString(s[end:])
		if !equalFold(r, w) {
			return 0, false
		}
		end += n
	}
	return end, true
}

// equalFold reports whether a and b are equal under Unicode simple folding.
func equalFold(a, b rune) bool {
	for f := a; ; {
		if f == b {
			return true
		}
		if f = unicode.SimpleFold(f); f == a {
			return false
		}
	}
}

// isWhole reports whether s[start:end] is not part of a longer word.
func isWhole(s string, start, end int) bool {
	first, _ := utf8.DecodeRuneInString(s[start:end])
	last, _ := utf8.DecodeLastRuneInString(s[start:end])
	before, _ := utf8.DecodeLastRuneInString(s[:start])
	after, _ := utf8.DecodeRuneInString(s[end:])
	return !(isWordRune(first) && start > 0 && isWordRune(before)) &&
		!(isWordRune(last) && end < len(s) && isWordRune(after))
}

func isWordRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// PatternRequirement fails a chunk, and the full text, in which Pattern
// matches.
type PatternRequirement struct {
	Pattern *regexp.Regexp
}

var (
	_ Requirement = PatternRequirement{}
	_ Namer       = PatternRequirement{}
)

// ForbidPattern returns a requirement that re never matches the text. It
// panics if re is nil.
func ForbidPattern(re *regexp.Regexp) PatternRequirement {
	if re == nil {
		panic("requirement: ForbidPattern of a nil pattern")
	}
	return PatternRequirement{Pattern: re}
}

// Name reports "ForbidPattern".
func (PatternRequirement) Name() string { return "ForbidPattern" }

// Description implements Requirement.
func (p PatternRequirement) Description() string {
	return fmt.Sprintf("never matches the pattern %q", p.Pattern)
}

// Check implements Requirement: fail if Pattern matches chunk.
func (p PatternRequirement) Check(_ context.Context, _ backend.Backend, chunk string) (Result, error) {
	return p.judge("chunk", chunk), nil
}

// Validate implements Requirement: fail if Pattern matches fullText.
func (p PatternRequirement) Validate(_ context.Context, _ backend.Backend, fullText string) (Result, error) {
	return p.judge("text", fullText), nil
}

func (p PatternRequirement) judge(what, s string) Result {
	if p.Pattern.MatchString(s) {
		return fail("%s matches forbidden pattern %q", what, p.Pattern)
	}
	return Result{Outcome: hooks.Pass}
}
