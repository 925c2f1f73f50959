package scripted

import (
	"strings"
	"testing"
)

func TestCountWordsIsFieldsLength(t *testing.T) {
	for _, s := range []string{"", " ", "one", " two  words ", "a\tb\nc\u00a0d\u3000e", "naïve café\u2028x", "\xff \xfe"} {
		if got, want := countWords(s), len(strings.Fields(s)); got != want {
			t.Errorf("countWords(%q) = %d, want %d", s, got, want)
		}
	}
}
