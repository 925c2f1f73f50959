package scripted

import "unicode/utf8"

// deltaCount is the number of pieces of n runes each (the last may be
// shorter) that s is cut into.
func deltaCount(s string, n int) int {
	return (utf8.RuneCountInString(s) + n - 1) / n
}

// nextDelta returns the end of the piece of n runes of s that starts at
// start.
func nextDelta(s string, start, n int) int {
	end := start
	for i := 0; i < n && end < len(s); i++ {
		_, size := utf8.DecodeRuneInString(s[end:])
		end += size
	}
	return end
}
