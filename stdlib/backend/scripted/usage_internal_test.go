package scripted

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestCountWordsIsFieldsLength(t *testing.T) {
	for _, s := range []string{"", " ", "one", " two  words ", "a\tb\nc\u00a0d\u3000e", "naïve café\u2028x", "\xff \xfe"} {
		if got, want := countWords(s), len(strings.Fields(s)); got != want {
			t.Errorf("countWords(%q) = %d, want %d", s, got, want)
		}
	}
}

// FuzzCountWords holds countWords to strings.Fields on any input: the
// ASCII table must agree with unicode.IsSpace, and invalid UTF-8 counts
// as a word's byte.
func FuzzCountWords(f *testing.F) {
	for _, s := range []string{"", " x ", "a\vb\fc\rd", "\x85\u0085 \u00a0\u1680x", "\x1c\x1d\x1e\x1f", "\xff\xfe ok", "word\tword\nwo\vrd\f\rx  y\x1f\x7f!", "a\u00a0bcdefgh ijklmnop\u0085qr", strings.Repeat("Hello there. ", 50)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := countWords(s), len(strings.Fields(s)); got != want {
			t.Errorf("countWords(%q) = %d, want %d", s, got, want)
		}
	})
}

// TestASCIISpaceIsUnicodeSpace checks the table against unicode.IsSpace
// for every ASCII byte.
func TestASCIISpaceIsUnicodeSpace(t *testing.T) {
	for c := range rune(utf8.RuneSelf) {
		if asciiSpace[c] != unicode.IsSpace(c) {
			t.Errorf("asciiSpace[%q] = %v, unicode.IsSpace says %v", c, asciiSpace[c], unicode.IsSpace(c))
		}
	}
}

func BenchmarkCountWords(b *testing.B) {
	s := strings.Repeat("The quick brown fox jumps over the lazy dog. ", 100)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		countWords(s)
	}
}
