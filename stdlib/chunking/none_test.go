package chunking_test

import (
	"slices"
	"testing"

	"github.com/hookweave/hookweave/stdlib/chunking"
)

func TestNone_EachDeltaIsAChunkAsItComes(t *testing.T) {
	var c chunking.None
	pending := ""
	var got []string
	for _, delta := range []string{"Hel", "", "lo. ", "Wor", "ld"} {
		chunks, rest := c.Split(pending + delta)
		got = append(got, chunks...)
		pending = rest
	}
	got = append(got, c.Flush(pending)...)
	if want := []string{"Hel", "lo. ", "Wor", "ld"}; !slices.Equal(got, want) {
		t.Fatalf("chunks = %q, want %q", got, want)
	}
	if c.Flush("tail") == nil || c.Flush("") != nil {
		t.Fatal("Flush must return a non-empty rest as one chunk and nothing for an empty one")
	}
}
