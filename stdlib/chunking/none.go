package chunking

// None does not cut: each delta is a chunk, as it comes (mellea main's
// raw-delta mode, chunking=None). An empty delta yields no chunk and
// nothing is withheld, so Flush has nothing to return. Unlike the other
// chunkers, its chunks follow the backend's slicing.
type None struct{}

var (
	_ Chunker = None{}
	_ Namer   = None{}
)

// Name reports the strategy name, "none".
func (None) Name() string { return "none" }

// Split implements Chunker: the whole buffer is one chunk.
func (None) Split(buf string) (chunks []string, rest string) {
	if buf == "" {
		return nil, ""
	}
	return []string{buf}, ""
}

// Flush implements Chunker: rest as one chunk, if it is not empty.
func (n None) Flush(rest string) []string {
	chunks, _ := n.Split(rest)
	return chunks
}
