package streaming

import (
	"fmt"
	"strings"

	"github.com/hookweave/hookweave/stdlib/chunking"
)

// ChunkerError ends a stream whose chunker broke the chunking.Chunker
// contract: it returned an empty chunk, or chunks that are not the text it
// consumed, in order.
type ChunkerError struct {
	Chunker string // the chunker's reported name
	Problem string
}

func (e *ChunkerError) Error() string {
	return fmt.Sprintf("chunker %s broke the chunking contract: %s", e.Chunker, e.Problem)
}

// builtin reports whether r is one of package chunking's own chunkers,
// whose scans that package's tests hold to SplitFrom's contract on every
// slicing of their texts (and fuzz): the stream does not check their
// chunks again on every delta. Any other chunker's are checked.
func builtin(r chunking.Resumer) bool {
	switch r.(type) {
	case chunking.Sentence, chunking.Word, chunking.Paragraph:
		return true
	}
	return false
}

// checkSplit checks what Split(buf) returned: non-empty chunks found in
// order in the consumed part of buf, and rest a suffix of buf.
func checkSplit(c chunking.Chunker, buf string, chunks []string, rest string) error {
	if len(rest) > len(buf) || !strings.HasSuffix(buf, rest) {
		return &ChunkerError{chunking.Name(c), "split returned a rest that does not end the buffer"}
	}
	return checkChunks(c, "split", buf[:len(buf)-len(rest)], chunks)
}

// checkFlush checks what Flush(rest) returned: non-empty chunks found in
// order in rest.
func checkFlush(c chunking.Chunker, rest string, chunks []string) error {
	return checkChunks(c, "flush", rest, chunks)
}

// checkChunks checks that every chunk is non-empty and found in text after
// the one before, as mellea's Chunker.feed does.
func checkChunks(c chunking.Chunker, what, text string, chunks []string) error {
	at := 0
	for i, ch := range chunks {
		if ch == "" {
			return &ChunkerError{chunking.Name(c), fmt.Sprintf("%s returned an empty chunk (chunk %d)", what, i)}
		}
		j := strings.Index(text[at:], ch)
		if j < 0 {
			return &ChunkerError{chunking.Name(c), fmt.Sprintf("%s returned chunk %d, %q, which is not the consumed text in order", what, i, ch)}
		}
		at += j + len(ch)
	}
	return nil
}
