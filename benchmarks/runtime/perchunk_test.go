package runtime

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hookweave/hookweave/stdlib/backend"
	"github.com/hookweave/hookweave/stdlib/backend/scripted"
	"github.com/hookweave/hookweave/stdlib/chunking"
	"github.com/hookweave/hookweave/stdlib/requirement"
	"github.com/hookweave/hookweave/stdlib/streaming"
)

// The per-chunk case: a reply of perChunkSentences sentences streamed in
// deltas of perChunkDelta runes, checked by one MaxWords requirement.
const (
	perChunkSentences = 2000
	perChunkDelta     = 16
)

// sentences is a reply of n short sentences, each a chunk.
func sentences(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "Sentence number %d is short. ", i)
	}
	return b.String()
}

// deltas cuts text into pieces of n runes, as the scripted backend does.
func deltas(text string, n int) []string {
	var out []string
	for len(text) > 0 {
		i, runes := 0, 0
		for i < len(text) && runes < n {
			_, size := utf8.DecodeRuneInString(text[i:])
			i += size
			runes++
		}
		out = append(out, text[:i])
		text = text[i:]
	}
	return out
}

func perChunkRequirement() requirement.Requirement { return requirement.MaxWords(50) }

// BenchmarkPerChunk measures what one chunk costs through a Stream
// (stream) against a bare loop that calls the chunker's SplitFrom and the
// requirement's Check directly on the same deltas (bare), alternately.
func BenchmarkPerChunk(b *testing.B) {
	text := sentences(perChunkSentences)
	be := scripted.New(text, scripted.WithDelta(perChunkDelta))
	opts := []streaming.Option{streaming.WithChunker(chunking.Sentence{}), streaming.WithRequirements(perChunkRequirement())}
	ds := deltas(text, perChunkDelta)
	q := perChunkRequirement()
	paired(b, "chunk",
		side{name: "stream", run: func() int { return drain(b, streaming.New(context.Background(), be, backend.Request{}, opts...)) }},
		side{name: "bare", run: func() int { return bareLoop(b, ds, chunking.Sentence{}, q) }})
}

// bareLoop chunks the text of ds, delta by delta, and checks every chunk:
// the least work a validated stream can do.
func bareLoop(b testing.TB, ds []string, c chunking.Resumer, q requirement.Requirement) int {
	ctx := context.Background()
	n, start, end, mark := 0, 0, 0, 0
	text := strings.Join(ds, "") // no copy in the loop: the deltas are consecutive
	check := func(chunk string) {
		if res, err := q.Check(ctx, nil, chunk); err != nil || res.Outcome == 0 {
			b.Fatalf("check of %q: %v %v", chunk, res, err)
		}
		n++
	}
	for _, d := range ds {
		end += len(d)
		chunks, rest, next := c.SplitFrom(text[start:end], mark)
		for _, chunk := range chunks {
			check(chunk)
		}
		start, mark = end-len(rest), next
	}
	for _, chunk := range c.Flush(text[start:end]) {
		check(chunk)
	}
	return n
}
