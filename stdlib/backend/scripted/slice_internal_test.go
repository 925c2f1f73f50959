package scripted

import (
	"testing"
	"unicode/utf8"
)

// FuzzNextDelta holds nextDelta, with its eight-byte ASCII steps, to the
// definition: n runes from start, as utf8.DecodeRuneInString counts them,
// or what is left of s.
func FuzzNextDelta(f *testing.F) {
	for _, s := range []string{"", "short", "exactly8", "sixteen ascii by", "naïve café, déjà vu: plenty of runes", "\xff\xfe broken utf-8 \xc3", "日本語のテキストと ASCII text mixed"} {
		f.Add(s, uint8(0), uint8(8))
		f.Add(s, uint8(1), uint8(16))
	}
	f.Fuzz(func(t *testing.T, s string, start, n uint8) {
		from := min(int(start), len(s))
		want := from
		for i := 0; i < int(n) && want < len(s); i++ {
			_, size := utf8.DecodeRuneInString(s[want:])
			want += size
		}
		if got := nextDelta(s, from, int(n)); got != want {
			t.Errorf("nextDelta(%q, %d, %d) = %d, want %d", s, from, n, got, want)
		}
	})
}
