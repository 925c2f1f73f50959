package chunking_test

import (
	"slices"
	"testing"

	"github.com/hookweave/hookweave/stdlib/chunking"
)

func TestParagraph(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"empty", "", nil},
		{"only newlines", "\n\n\n", nil},
		{"one", "One line.", []string{"One line."}},
		{"two", "A\n\nB", []string{"A", "B"}},
		{"single newline stays", "A\nB\n\n\nC", []string{"A\nB", "C"}},
		{"spaces kept", " A \n\n B ", []string{" A ", " B "}},
		{"blank line with a space is no boundary", "A\n \nB", []string{"A\n \nB"}},
		{"leading and trailing breaks", "\n\nA\n\n", []string{"A"}},
		{"trailing newline kept", "A\n\nB\n", []string{"A", "B\n"}},
		{"whitespace-only part kept", "A\n\n \n\nB", []string{"A", " ", "B"}},
		{"carriage returns are text", "A\r\n\r\nB", []string{"A\r\n\r\nB"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := stream(chunking.Paragraph{}, tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("chunks of %q = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// A paragraph is cut once two newlines follow it, and the newlines are kept
// back: more of them may come.
func TestParagraphSplitWithholds(t *testing.T) {
	tests := []struct {
		buf, rest string
		chunks    []string
	}{
		{"A\n", "A\n", nil},
		{"A\n\n", "\n\n", []string{"A"}},
		{"A\n\n\n", "\n\n\n", []string{"A"}},
		{"\n\n\nB", "B", nil},
		{"A\n\nB\n", "B\n", []string{"A"}},
	}
	for _, tt := range tests {
		chunks, rest := chunking.Paragraph{}.Split(tt.buf)
		if !slices.Equal(chunks, tt.chunks) || rest != tt.rest {
			t.Errorf("Split(%q) = %q, %q; want %q, %q", tt.buf, chunks, rest, tt.chunks, tt.rest)
		}
	}
}

func TestParagraphFlush(t *testing.T) {
	tests := []struct {
		rest string
		want []string
	}{
		{"", nil},
		{"\n\n", nil},
		{"\n", []string{"\n"}},
		{" B \n", []string{" B \n"}},
		{"\n\n B", []string{" B"}},
	}
	for _, tt := range tests {
		if got := (chunking.Paragraph{}).Flush(tt.rest); !slices.Equal(got, tt.want) {
			t.Errorf("Flush(%q) = %q, want %q", tt.rest, got, tt.want)
		}
	}
}
