package chunking_test

import (
	"slices"
	"testing"

	"github.com/hookweave/hookweave/stdlib/chunking"
)

func TestWord(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"empty", "", nil},
		{"blank", "  \n ", nil},
		{"one", "hello", []string{"hello"}},
		{"words", "one two three", []string{"one", "two", "three"}},
		{"runs of whitespace", "one  \t two\n\nthree", []string{"one", "two", "three"}},
		{"unicode whitespace", "a\u00a0b\u2003c", []string{"a", "b", "c"}},
		{"punctuation stays", "Hi, you. Ok!", []string{"Hi,", "you.", "Ok!"}},
		{"leading and trailing", "  lead trail  ", []string{"lead", "trail"}},
		{"non-ASCII", "naïve café ”", []string{"naïve", "café", "”"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := stream(chunking.Word{}, tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("chunks of %q = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestWordSplitWithholds(t *testing.T) {
	tests := []struct {
		buf, rest string
		chunks    []string
	}{
		{"", "", nil},
		{"one", "one", nil},
		{"one ", "", []string{"one"}},
		{"one tw", "tw", []string{"one"}},
		{"one\xc2", "one\xc2", nil}, // half of NBSP
		{"  one", "one", nil},
	}
	for _, tt := range tests {
		chunks, rest := chunking.Word{}.Split(tt.buf)
		if !slices.Equal(chunks, tt.chunks) || rest != tt.rest {
			t.Errorf("Split(%q) = %q, %q; want %q, %q", tt.buf, chunks, rest, tt.chunks, tt.rest)
		}
	}
}

func TestWordFlush(t *testing.T) {
	for rest, want := range map[string][]string{
		"":      nil,
		" \t":   nil,
		"tail":  {"tail"},
		" tail": {"tail"},
	} {
		if got := (chunking.Word{}).Flush(rest); !slices.Equal(got, want) {
			t.Errorf("Flush(%q) = %q, want %q", rest, got, want)
		}
	}
}
