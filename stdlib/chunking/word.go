package chunking

import "unicode"

// Word cuts text into words: the parts between runs of whitespace
// (unicode.IsSpace), empty parts dropped. A word is cut once the whitespace
// after it has arrived; at the end of the stream the withheld fragment is
// flushed trimmed, or not at all if it is blank.
type Word struct{}

var (
	_ Resumer = Word{}
	_ Namer   = Word{}
)

// Name reports the chunking's identity, "word" (telemetry reports it as
// its release names it, such as WordChunker).
func (Word) Name() string { return "word" }

// Split implements Chunker.
func (w Word) Split(buf string) (chunks []string, rest string) {
	chunks, rest, _ = w.SplitFrom(buf, 0)
	return chunks, rest
}

// SplitFrom implements Resumer. Its mark is the end of rest, or the start
// of a character that has not fully arrived.
func (Word) SplitFrom(buf string, from int) (chunks []string, rest string, mark int) {
	start, i := 0, from
	for i < len(buf) {
		r, n, ok := runeAt(buf, i)
		if !ok {
			break
		}
		if unicode.IsSpace(r) {
			if i > start {
				chunks = append(chunks, buf[start:i])
			}
			start = i + n
		}
		i += n
	}
	return chunks, buf[start:], i - start
}

// Flush implements Chunker: the trimmed fragment, if it is not blank.
func (w Word) Flush(rest string) []string {
	chunks, rest := w.Split(rest)
	return appendTrimmed(chunks, rest)
}
