package chunking_test

import (
	"slices"
	"testing"

	"github.com/hookweave/hookweave/stdlib/chunking"
)

func TestSentence(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"empty", "", nil},
		{"blank", " \n\t ", nil},
		{"one without boundary", "Hello world.", []string{"Hello world."}},
		{"terminals", "Hello. World! How? Fine", []string{"Hello.", "World!", "How?", "Fine"}},
		{"double quote closer", `He said "hi." Then left.`, []string{`He said "hi."`, "Then left."}},
		{"single quote closer", "It is 'done.' Ok", []string{"It is 'done.'", "Ok"}},
		{"paren closer", "(Really?) Yes.", []string{"(Really?)", "Yes."}},
		{"unicode double closer", "Er sagte „Ja.” Gut.", []string{"Er sagte „Ja.”", "Gut."}},
		{"unicode single closer", "‘Fine!’ Next", []string{"‘Fine!’", "Next"}},
		{"two closers are no boundary", `Hm.") Next.`, []string{`Hm.") Next.`}},
		{"other closers are no boundary", "Hm.] Next.", []string{"Hm.] Next."}},
		{"no whitespace after", "Pi is 3.14 here. e.g.x", []string{"Pi is 3.14 here.", "e.g.x"}},
		{"runs of terminals", "Wait... what?! No", []string{"Wait...", "what?!", "No"}},
		{"multiple spaces", "One.   Two.", []string{"One.", "Two."}},
		{"newlines", "One.\nTwo.\n\nThree", []string{"One.", "Two.", "Three"}},
		{"newline inside", "One\ntwo. Three", []string{"One\ntwo.", "Three"}},
		{"unicode whitespace", "A.\u00a0B.\u3000C", []string{"A.", "B.", "C"}},
		{"leading and trailing whitespace", "  Hi.  ", []string{"Hi."}},
		{"lone terminal", "Hi. . x", []string{"Hi.", ".", "x"}},
		{"trailing fragment trimmed", "Hi. there  \n", []string{"Hi.", "there"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := stream(chunking.Sentence{}, tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("chunks of %q = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// A boundary is cut only once the text after it has arrived.
func TestSentenceSplitWithholds(t *testing.T) {
	tests := []struct {
		buf, rest string
		chunks    []string
	}{
		{"Hi.", "Hi.", nil},
		{`Hi."`, `Hi."`, nil},
		{"Hi.\xe2\x80", "Hi.\xe2\x80", nil}, // half of ’
		{"Hi.\xc2", "Hi.\xc2", nil},         // half of NBSP
		{"Hi.x", "Hi.x", nil},
		{"Hi. ", "", []string{"Hi."}},
		{"Hi. Th", "Th", []string{"Hi."}},
		{`Hi." Th`, "Th", []string{`Hi."`}},
		{"Hi.  Th", " Th", []string{"Hi."}},
		{"A. B? C", "C", []string{"A.", "B?"}},
	}
	for _, tt := range tests {
		chunks, rest := chunking.Sentence{}.Split(tt.buf)
		if !slices.Equal(chunks, tt.chunks) || rest != tt.rest {
			t.Errorf("Split(%q) = %q, %q; want %q, %q", tt.buf, chunks, rest, tt.chunks, tt.rest)
		}
	}
}

func TestSentenceFlush(t *testing.T) {
	tests := []struct {
		rest string
		want []string
	}{
		{"", nil},
		{"  \n", nil},
		{"Hi.", []string{"Hi."}},
		{" Hi there ", []string{"Hi there"}},
		{`Hi."`, []string{`Hi."`}},
	}
	for _, tt := range tests {
		if got := (chunking.Sentence{}).Flush(tt.rest); !slices.Equal(got, tt.want) {
			t.Errorf("Flush(%q) = %q, want %q", tt.rest, got, tt.want)
		}
	}
}
