package chunking_test

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/hookweave/hookweave/stdlib/chunking"
)

// texts exercise every boundary rule, including multi-byte characters that
// a slicing can cut in half.
var texts = []string{
	"",
	"Hello there. How are you? I am fine! Thanks",
	`He said "hi." Then 'left.' (Really?) Yes.` + "\n",
	"Er sagte „Ja.” Gut.\u00a0‘Fine!’\u3000Next… done.",
	"Wait... what?! No.   Spaces.\t\tTabs.\nNewline. 3.14 e.g.x ",
	"Para one.\nStill one.\n\nPara two.\n\n\n\nPara three\n",
	"\n\n  lead \n \n mid\n\n\n",
	`Closers then text: "a."b (c.)d e.’f g!”h i?')j.`,
	"naïve café ” ’ ) \" . ! ? \xe2\x80 \xff end",
	// Long fragments with no boundary for one chunker or another, then
	// boundaries: scans that resume must find them as a rescan does.
	strings.Repeat("no punctuation here ", 40) + "end. " + strings.Repeat("x", 300) + "!\u00a0Done",
	strings.Repeat("abcdé", 120) + " " + strings.Repeat("\u2019", 50) + "\u3000tail",
	strings.Repeat("Line of a paragraph.\n", 30) + "\n" + strings.Repeat("\n", 200) + "After.\n\nEnd\n",
	strings.Repeat("\n", 300) + "x" + strings.Repeat(" ", 300) + "y.\n\n",
}

// checkSlicing checks that chunking text in the given deltas gives the oracle's
// chunks, and that no chunk is empty or, but for paragraphs, starts with
// whitespace.
func checkSlicing(t *testing.T, s strategy, text string, deltas []string) {
	t.Helper()
	got := stream(s.chunker, deltas...)
	want := s.oracle(text)
	if !slices.Equal(got, want) {
		t.Fatalf("%s: chunks of %q in deltas %q = %q, want %q", s.name, text, deltas, got, want)
	}
	if r, ok := s.chunker.(chunking.Resumer); ok {
		if resumed := streamFrom(t, r, deltas...); !slices.Equal(resumed, want) {
			t.Fatalf("%s: resumed chunks of %q in deltas %q = %q, want %q", s.name, text, deltas, resumed, want)
		}
	}
	for _, c := range got {
		if c == "" || s.name != "paragraph" && unicode.IsSpace([]rune(c)[0]) {
			t.Fatalf("%s: bad chunk %q of %q in deltas %q", s.name, c, text, deltas)
		}
	}
}

// slice cuts text at the given byte offsets (ascending, possibly equal, so
// that empty deltas occur too).
func slice(text string, cuts []int) []string {
	var deltas []string
	prev := 0
	for _, c := range cuts {
		deltas = append(deltas, text[prev:c])
		prev = c
	}
	return append(deltas, text[prev:])
}

func TestWholeText(t *testing.T) {
	for _, s := range strategies {
		for _, text := range texts {
			checkSlicing(t, s, text, []string{text})
		}
	}
}

func TestTwoWaySlicings(t *testing.T) {
	for _, s := range strategies {
		for _, text := range texts {
			for i := 0; i <= len(text); i++ {
				checkSlicing(t, s, text, slice(text, []int{i}))
			}
		}
	}
}

func TestRandomSlicings(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, s := range strategies {
		for _, text := range texts {
			for range 200 {
				checkSlicing(t, s, text, slice(text, randomCuts(rng, len(text))))
			}
		}
	}
}

func TestByteAtATime(t *testing.T) {
	for _, s := range strategies {
		for _, text := range texts {
			cuts := make([]int, len(text))
			for i := range cuts {
				cuts[i] = i
			}
			checkSlicing(t, s, text, slice(text, cuts))
		}
	}
}

func randomCuts(rng *rand.Rand, n int) []int {
	cuts := make([]int, rng.IntN(n+1))
	for i := range cuts {
		cuts[i] = rng.IntN(n + 1)
	}
	slices.Sort(cuts)
	return cuts
}

func FuzzSlicingInvariance(f *testing.F) {
	for i, text := range texts {
		f.Add(text, []byte{byte(i), 3, 1, 4, 1, 5, 9, 2, 6})
	}
	f.Add("A.\u2019 B", []byte{2, 1, 1})
	f.Add("A\n\n\nB", []byte{1, 1, 1, 1})
	f.Fuzz(func(t *testing.T, text string, steps []byte) {
		deltas := slice(text, cutsFromSteps(steps, len(text)))
		for _, s := range strategies {
			checkSlicing(t, s, text, deltas)
		}
	})
}

// cutsFromSteps turns each step into the length of a delta (0 to 15 bytes).
func cutsFromSteps(steps []byte, n int) []int {
	var cuts []int
	pos := 0
	for _, b := range steps {
		if pos += int(b % 16); pos > n {
			break
		}
		cuts = append(cuts, pos)
	}
	return cuts
}
