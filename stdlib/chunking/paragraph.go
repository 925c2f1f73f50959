package chunking

// Paragraph cuts text into paragraphs: the parts between runs of two or
// more '\n', empty parts dropped, every other byte kept (no trimming, so a
// part of only spaces is a chunk; "\r\n\r\n" is no boundary). A
// paragraph is cut as soon as two newlines follow it; the newlines stay in
// the withheld fragment, since more of them may come. At the end of the
// stream the fragment is flushed byte for byte, or not at all if it is
// empty.
type Paragraph struct{}

// Name reports the chunking's identity, "paragraph" (telemetry reports it as
// its release names it, such as ParagraphChunker).
func (Paragraph) Name() string { return "paragraph" }

// Split implements Chunker.
func (Paragraph) Split(buf string) (chunks []string, rest string) {
	return splitParagraphs(buf, false)
}

// Flush implements Chunker: the fragment byte for byte, if it is not empty.
func (Paragraph) Flush(rest string) []string {
	chunks, rest := splitParagraphs(rest, true)
	if rest != "" {
		chunks = append(chunks, rest)
	}
	return chunks
}

// splitParagraphs cuts buf at runs of two or more newlines. Unless final,
// a run that reaches the end of buf may still grow: the part before it is
// cut, and the run is kept in rest.
func splitParagraphs(buf string, final bool) (chunks []string, rest string) {
	start := 0
	for i := 0; i < len(buf); {
		j := newlinesEnd(buf, i)
		if j-i < 2 {
			i = max(j, i+1)
			continue
		}
		chunks = appendNonEmpty(chunks, buf[start:i])
		if j == len(buf) && !final {
			return chunks, buf[i:]
		}
		start, i = j, j
	}
	return chunks, buf[start:]
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
