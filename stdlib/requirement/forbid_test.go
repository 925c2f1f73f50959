package requirement_test

import (
	"regexp"
	"testing"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/stdlib/requirement"
)

func TestForbid(t *testing.T) {
	tests := []struct {
		word, text string
		found      bool
	}{
		{"foo", "a foo b", true},
		{"foo", "Foo.", true},
		{"foo", "FOO", true},
		{"foo", "(foo)", true},
		{"foo", "foobar", false},
		{"foo", "barfoo", false},
		{"foo", "foo_bar", false},
		{"foo", "foo2", false},
		{"foo", "fo o", false},
		{"foo", "foofoo foo", true}, // a later, whole occurrence
		{"aa", "aaa", false},
		{"aa", "aaa aa", true},
		{"café", "Un CAFÉ noir", true},
		{"café", "cafés", false},
		{"straße", "STRASSE", false}, // simple folding only
		{"k", "\u212a", true},        // Kelvin sign folds to k
		{"c++", "I like C++ a lot", true},
		{"c++", "c++x", true}, // '+' is no word character: no boundary needed after it
		{"new york", "in New York.", true},
		{"", "anything", false},
		{"foo", "", false},
	}
	for _, tt := range tests {
		r := requirement.Forbid(tt.word)
		outcome, reason := hooks.Pass, ""
		if tt.found {
			outcome, reason = hooks.Fail, `chunk contains forbidden word "`+tt.word+`"`
		}
		wantResult(t, "Forbid("+tt.word+").Check("+tt.text+")", check(t, r, tt.text), outcome, reason)
	}
}

func TestForbidValidate(t *testing.T) {
	r := requirement.Forbid("foo")
	wantResult(t, "Validate", validate(t, r, "First.\n\nThen FOO!"), hooks.Fail, `text contains forbidden word "foo"`)
	wantResult(t, "Validate", validate(t, r, "food and fool"), hooks.Pass, "")
}

func TestForbidPattern(t *testing.T) {
	r := requirement.ForbidPattern(regexp.MustCompile(`\d{3}-\d{4}`))
	wantResult(t, "Check", check(t, r, "call 555-1234 now"), hooks.Fail, `chunk matches forbidden pattern "\\d{3}-\\d{4}"`)
	wantResult(t, "Check", check(t, r, "call me"), hooks.Pass, "")
	wantResult(t, "Validate", validate(t, r, "a\n555-1234"), hooks.Fail, `text matches forbidden pattern "\\d{3}-\\d{4}"`)
	wantResult(t, "Validate", validate(t, r, "55-1234"), hooks.Pass, "")
}

func TestForbidPatternNilPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("ForbidPattern(nil) did not panic")
		}
	}()
	requirement.ForbidPattern(nil)
}
