package runtime

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hookweave/hookweave/stdlib/backend"
	"github.com/hookweave/hookweave/stdlib/backend/scripted"
	"github.com/hookweave/hookweave/stdlib/chunking"
	"github.com/hookweave/hookweave/stdlib/streaming"
)

// scalingSizes are the reply lengths of the scaling case, in characters.
var scalingSizes = []int{20_000, 80_000}

// boundaryFree returns a reply of n characters in which the chunker called
// name finds no boundary before the end: words without sentence
// punctuation for sentence, one long word for word, sentences without a
// blank line for paragraph.
func boundaryFree(name string, n int) string {
	var unit string
	switch name {
	case "sentence":
		unit = "streaming without any punctuation "
	case "word":
		unit = "x"
	case "paragraph":
		unit = "A sentence of a long paragraph.\n"
	default:
		panic("boundaryFree: unknown chunker " + name)
	}
	return strings.Repeat(unit, n/len(unit)+1)[:n]
}

// BenchmarkScaling streams a boundary-free reply of 80k and of 20k
// characters in 1-rune deltas, alternately: its ratio is 4 when streaming
// is linear in the reply's length.
func BenchmarkScaling(b *testing.B) {
	for _, name := range []string{"sentence", "word", "paragraph"} {
		b.Run("chunker="+name, func(b *testing.B) {
			c, err := chunking.ByName(name)
			if err != nil {
				b.Fatal(err)
			}
			var sides [2]side
			for i, n := range scalingSizes {
				be := scripted.New(boundaryFree(name, n), scripted.WithDelta(1))
				sides[i] = side{name: fmt.Sprintf("chars%dk", n/1000), run: func() int {
					if chunks := drain(b, streaming.New(context.Background(), be, backend.Request{}, streaming.WithChunker(c))); chunks != 1 {
						b.Fatalf("%d chunks, want 1", chunks)
					}
					return 1
				}}
			}
			paired(b, "op", sides[1], sides[0])
		})
	}
}

// drain ranges over s and returns the number of chunks; an error fails b.
func drain(b testing.TB, s *streaming.Stream) int {
	n := 0
	for _, err := range s.Chunks() {
		if err != nil {
			b.Fatal(err)
		}
		n++
	}
	return n
}
