package chunking

import "strings"

// Paragraph cuts text into paragraphs: the parts between runs of two or
// more '\n', empty parts dropped, every other byte kept (no trimming, so a
// part of only spaces is a chunk; "\r\n\r\n" is no boundary). A
// paragraph is cut as soon as two newlines follow it; the newlines stay in
// the withheld fragment, since more of them may come. At the end of the
// stream the fragment is flushed byte for byte, or not at all if it is
// empty.
type Paragraph struct{}

var (
	_ Resumer = Paragraph{}
	_ Namer   = Paragraph{}
)

// Name reports the chunking's identity, "paragraph" (telemetry reports it as
// its release names it, such as ParagraphChunker).
func (Paragraph) Name() string { return "paragraph" }

// Split implements Chunker.
func (Paragraph) Split(buf string) (chunks []string, rest string) {
	chunks, rest, _ = splitParagraphs(buf, 0, false)
	return chunks, rest
}

// SplitFrom implements Resumer. Its mark is the start of a single newline
// that ends rest (a second one would make a boundary), the end of a rest
// made only of a withheld run of newlines, or else the end of rest.
func (Paragraph) SplitFrom(buf string, from int) (chunks []string, rest string, mark int) {
	return splitParagraphs(buf, from, false)
}

// Flush implements Chunker: the fragment byte for byte, if it is not empty.
func (Paragraph) Flush(rest string) []string {
	chunks, rest, _ := splitParagraphs(rest, 0, true)
	if rest != "" {
		chunks = append(chunks, rest)
	}
	return chunks
}

// splitParagraphs cuts buf at runs of two or more newlines, scanning from
// the mark from (see SplitFrom). Unless final, a run that reaches the end
// of buf may still grow: the part before it is cut, and the run is kept in
// rest.
func splitParagraphs(buf string, from int, final bool) (chunks []string, rest string, mark int) {
	start, i := 0, from
	if from > 0 && buf[from-1] == '\n' {
		// Only a withheld run leaves a mark after a newline: buf[:from]
		// is a run of two or more newlines, a boundary already.
		j := newlinesEnd(buf, from)
		if j == len(buf) && !final {
			return nil, buf, j
		}
		start, i = j, j
	}
	for i < len(buf) {
		k := strings.IndexByte(buf[i:], '\n')
		if k < 0 {
			break
		}
		i += k
		j := newlinesEnd(buf, i)
		if j-i < 2 {
			if j == len(buf) {
				return chunks, buf[start:], i - start
			}
			i = j
			continue
		}
		chunks = appendNonEmpty(chunks, buf[start:i])
		if j == len(buf) && !final {
			return chunks, buf[i:], j - i
		}
		start, i = j, j
	}
	return chunks, buf[start:], len(buf) - start
}

// newlinesEnd returns the end of the run of '\n' starting at buf[i].
func newlinesEnd(buf string, i int) int {
	for i < len(buf) && buf[i] == '\n' {
		i++
	}
	return i
}

func appendNonEmpty(chunks []string, s string) []string {
	if s != "" {
		chunks = append(chunks, s)
	}
	return chunks
}
