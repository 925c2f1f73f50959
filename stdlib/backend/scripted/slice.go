package scripted

import "unicode/utf8"

// slice cuts s into pieces of n runes each; the last piece may be shorter.
// It returns nil for an empty s.
func slice(s string, n int) []string {
	var out []string
	for len(s) > 0 {
		end := 0
		for i := 0; i < n && end < len(s); i++ {
			_, size := utf8.DecodeRuneInString(s[end:])
			end += size
		}
		out = append(out, s[:end])
		s = s[end:]
	}
	return out
}
