// Package chunking cuts a streamed reply into chunks: sentences,
// words, paragraphs, raw deltas (None), or any user type with Split and
// Flush.
//
// A Chunker other than None must not depend on how the backend sliced its
// deltas: feeding the same text in any slicing yields the same chunks.
//
// Package chunking never imports telemetry or OpenTelemetry.
package chunking

// Chunker cuts accumulated text into complete chunks.
//
// The stream keeps a buffer of text not yet cut. After each delta it calls
// Split(buffer): chunks are the complete chunks at the front of the buffer,
// in order, and rest is what remains of the buffer after them (a fragment
// with no boundary yet, withheld until more text or the end arrives). At the
// natural end of the stream it calls Flush(rest) once for the final chunks.
//
// Chunks are never empty and are the text consumed, in order: each is found
// in the buffer after the one before it (whitespace between chunks may be
// dropped, text may not be rewritten), and rest ends the buffer. A stream
// whose chunker breaks this ends with an error naming the chunker.
type Chunker interface {
	Split(buf string) (chunks []string, rest string)
	Flush(rest string) []string
}

// Resumer is implemented by chunkers that can resume a scan where the last
// one stopped, so that a long fragment with no boundary costs time linear
// in its length instead of a rescan per delta. The stream calls SplitFrom
// when a chunker has it, and Split otherwise; the built-in chunkers have
// it. A user chunker needs only Split and Flush.
type Resumer interface {
	Chunker
	// SplitFrom returns what Split(buf) returns, with mark: where the next
	// scan resumes, as an offset into rest that only the chunker reads.
	// rest must be a suffix of buf. The caller passes from = 0 for a new
	// buffer, and otherwise buf = the previous call's rest followed by new
	// text, with from = the mark that call returned.
	SplitFrom(buf string, from int) (chunks []string, rest string, mark int)
}

// Namer is implemented by chunkers that report their own strategy name.
type Namer interface {
	Name() string
}
