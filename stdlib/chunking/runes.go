package chunking

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// runeAt decodes the rune at buf[i:]. complete is false when the rune has
// not fully arrived yet: i is at the end of buf, or buf ends inside a
// multi-byte UTF-8 sequence. A decision that depends on such a rune must
// wait for more text, so that chunks never depend on delta slicing.
func runeAt(buf string, i int) (r rune, size int, complete bool) {
	if i >= len(buf) || !utf8.FullRuneInString(buf[i:]) {
		return 0, 0, false
	}
	r, size = utf8.DecodeRuneInString(buf[i:])
	return r, size, true
}

// trimLeftSpace drops leading whitespace (unicode.IsSpace).
func trimLeftSpace(s string) string {
	return strings.TrimLeftFunc(s, unicode.IsSpace)
}
