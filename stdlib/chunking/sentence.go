package chunking

import (
	"strings"
	"unicode"
)

// Sentence cuts text into sentences.
//
// A sentence ends at one of . ! ? optionally followed by ONE closer of
// " ' ” ’ ), then ONE whitespace character (unicode.IsSpace). The chunk keeps the
// punctuation and the closer and drops that whitespace; leading whitespace
// never starts a chunk. A boundary is cut only once the character after the
// punctuation (and after the closer) has arrived. At the end of the stream
// the withheld fragment is flushed trimmed, or not at all if it is blank.
type Sentence struct{}

var (
	_ Resumer = Sentence{}
	_ Namer   = Sentence{}
)

// Name reports the chunking's identity, "sentence" (telemetry reports it as
// its release names it, such as SentenceChunker).
func (Sentence) Name() string { return "sentence" }

// Split implements Chunker.
func (s Sentence) Split(buf string) (chunks []string, rest string) {
	chunks, rest, _ = s.SplitFrom(buf, 0)
	return chunks, rest
}

// SplitFrom implements Resumer. Its mark is the first terminal whose
// boundary is undecided, or the end of rest: every terminal before it was
// decided on text that had fully arrived.
func (Sentence) SplitFrom(buf string, from int) (chunks []string, rest string, mark int) {
	start := 0
	for i := from; i < len(buf); i++ {
		k := strings.IndexAny(buf[i:], terminals)
		if k < 0 {
			break
		}
		i += k
		end, next, decided := sentenceEnd(buf, i+1)
		if !decided {
			return chunks, buf[start:], i - start
		}
		if next < 0 {
			continue
		}
		chunks = append(chunks, trimLeftSpace(buf[start:end]))
		start = next
		i = next - 1
	}
	return chunks, buf[start:], len(buf) - start
}

// Flush implements Chunker: the trimmed fragment, if it is not blank.
func (s Sentence) Flush(rest string) []string {
	chunks, rest := s.Split(rest)
	return appendTrimmed(chunks, rest)
}

// terminals are the bytes that end a sentence. Bytes are enough: in UTF-8
// an ASCII byte never occurs inside a multi-byte character.
const terminals = ".!?"

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', ')':
		return true
	}
	return false
}

// sentenceEnd looks at the text after a terminal that ends at buf[i]. When
// it is a boundary, the chunk ends at end and the next one starts at next;
// when it is not, next is -1. decided is false when the answer depends on
// text that has not arrived yet.
func sentenceEnd(buf string, i int) (end, next int, decided bool) {
	r, n, ok := runeAt(buf, i)
	switch {
	case !ok:
		return 0, 0, false
	case unicode.IsSpace(r):
		return i, i + n, true
	case !isCloser(r):
		return 0, -1, true
	}
	r2, n2, ok := runeAt(buf, i+n)
	switch {
	case !ok:
		return 0, 0, false
	case unicode.IsSpace(r2):
		return i + n, i + n + n2, true
	}
	return 0, -1, true
}

// appendTrimmed appends s without surrounding whitespace, unless that
// leaves nothing.
func appendTrimmed(chunks []string, s string) []string {
	if s = strings.TrimSpace(s); s != "" {
		chunks = append(chunks, s)
	}
	return chunks
}
