package runtimebench

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

// BenchmarkScaling streams a boundary-free reply in 1-rune deltas: the
// time at 80k characters over the time at 20k is 4 when streaming is
// linear in the reply's length.
func BenchmarkScaling(b *testing.B) {
	for _, name := range []string{"sentence", "word", "paragraph"} {
		for _, n := range scalingSizes {
			b.Run(fmt.Sprintf("chunker=%s/chars=%dk", name, n/1000), func(b *testing.B) {
				text := boundaryFree(name, n)
				c, err := chunking.ByName(name)
				if err != nil {
					b.Fatal(err)
				}
				be := scripted.New(text, scripted.WithDelta(1))
				for b.Loop() {
					chunks := drain(b, streaming.New(context.Background(), be, backend.Request{}, streaming.WithChunker(c)))
					if chunks != 1 {
						b.Fatalf("%d chunks, want 1", chunks)
					}
				}
			})
		}
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
