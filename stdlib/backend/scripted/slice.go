package scripted

import "unicode/utf8"

// nextDelta returns the end of the piece of n runes of s that starts at
// start (shorter at the end of s). A run of ASCII, where a rune is a
// byte, is passed eight bytes at a time.
func nextDelta(s string, start, n int) int {
	end := start
	for n > 0 && end < len(s) {
		if n >= 8 && end+8 <= len(s) && load64(s[end:])&highBits == 0 {
			end, n = end+8, n-8
			continue
		}
		_, size := utf8.DecodeRuneInString(s[end:])
		end, n = end+size, n-1
	}
	return end
}
