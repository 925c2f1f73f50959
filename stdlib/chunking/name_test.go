package chunking_test

import (
	"testing"

	"github.com/hookweave/hookweave/stdlib/chunking"
)

// lines is a user chunker with no Name method.
type lines struct{}

func (lines) Split(buf string) ([]string, string) { return nil, buf }
func (lines) Flush(rest string) []string          { return []string{rest} }

func TestName(t *testing.T) {
	tests := []struct {
		c    chunking.Chunker
		want string
	}{
		{chunking.Sentence{}, "sentence"},
		{chunking.Word{}, "word"},
		{chunking.Paragraph{}, "paragraph"},
		{chunking.None{}, "none"},
		{&chunking.Paragraph{}, "paragraph"},
		{lines{}, "lines"},
		{&lines{}, "lines"},
		{nil, ""},
	}
	for _, tt := range tests {
		if got := chunking.Name(tt.c); got != tt.want {
			t.Errorf("Name(%T) = %q, want %q", tt.c, got, tt.want)
		}
	}
}

func TestByName(t *testing.T) {
	for name, want := range map[string]string{
		"":          "sentence",
		"sentence":  "sentence",
		"word":      "word",
		"paragraph": "paragraph",
		"none":      "none",
	} {
		c, err := chunking.ByName(name)
		if err != nil {
			t.Fatalf("ByName(%q): %v", name, err)
		}
		if got := chunking.Name(c); got != want {
			t.Errorf("ByName(%q) is %q, want %q", name, got, want)
		}
	}
}

func TestByNameUnknown(t *testing.T) {
	for _, name := range []string{"x", "Sentence", "sentences", " word", "None", "raw"} {
		c, err := chunking.ByName(name)
		if err == nil {
			t.Fatalf("ByName(%q) = %T, want an error", name, c)
		}
		want := `unknown chunking "` + name + `": use one of sentence, word, paragraph, none`
		if err.Error() != want {
			t.Errorf("ByName(%q) error = %q, want %q", name, err, want)
		}
	}
}
