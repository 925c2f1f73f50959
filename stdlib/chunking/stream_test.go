package chunking_test

import (
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/hookweave/hookweave/stdlib/chunking"
)

// stream feeds deltas to c the way the validated stream does: append the
// delta to the buffer, cut the complete chunks, keep the rest; at the end,
// flush the rest.
func stream(c chunking.Chunker, deltas ...string) []string {
	var out []string
	buf := ""
	for _, d := range deltas {
		var chunks []string
		chunks, buf = c.Split(buf + d)
		out = append(out, chunks...)
	}
	return append(out, c.Flush(buf)...)
}

// streamFrom feeds deltas to c as the validated stream feeds a Resumer:
// the buffer is the previous rest followed by the delta, and each scan
// resumes at the mark the previous one returned. It also checks each scan
// against SplitFrom's contract, which the stream does not check for this
// package's chunkers: every rest is a suffix of its buffer, and the chunks
// are non-empty and found in order in the text before it.
func streamFrom(t testing.TB, c chunking.Resumer, deltas ...string) []string {
	t.Helper()
	var out []string
	buf, mark := "", 0
	for _, d := range deltas {
		buf += d
		chunks, rest, next := c.SplitFrom(buf, mark)
		if !strings.HasSuffix(buf, rest) {
			t.Fatalf("SplitFrom(%q, %d): rest %q is not a suffix", buf, mark, rest)
		}
		consumed, at := buf[:len(buf)-len(rest)], 0
		for i, ch := range chunks {
			j := strings.Index(consumed[at:], ch)
			if ch == "" || j < 0 {
				t.Fatalf("SplitFrom(%q, %d): chunk %d, %q, is empty or not the consumed text %q in order", buf, mark, i, ch, consumed)
			}
			at += j + len(ch)
		}
		if next < 0 || next > len(rest) {
			t.Fatalf("SplitFrom(%q, %d): mark %d outside rest %q", buf, mark, next, rest)
		}
		out = append(out, chunks...)
		buf, mark = rest, next
	}
	return append(out, c.Flush(buf)...)
}

// The oracles chunk a whole text with an independent formulation of the
// chunkers' rules (regular expressions rather than a scan).

// space is unicode.IsSpace as a regexp class.
const space = `[\t\n\v\f\r \x{85}\x{A0}\p{Z}]`

var sentenceEnd = regexp.MustCompile(`([.!?]["'”’)]?)` + space)

func sentenceOracle(text string) []string {
	var out []string
	start := 0
	for _, m := range sentenceEnd.FindAllStringSubmatchIndex(text, -1) {
		out = append(out, strings.TrimLeftFunc(text[start:m[3]], unicode.IsSpace))
		start = m[1]
	}
	if rest := strings.TrimSpace(text[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

func wordOracle(text string) []string {
	return strings.Fields(text)
}

var paragraphBreak = regexp.MustCompile(`\n{2,}`)

func paragraphOracle(text string) []string {
	var out []string
	for _, p := range paragraphBreak.Split(text, -1) {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

type strategy struct {
	name    string
	chunker chunking.Chunker
	oracle  func(string) []string
}

var strategies = []strategy{
	{"sentence", chunking.Sentence{}, sentenceOracle},
	{"word", chunking.Word{}, wordOracle},
	{"paragraph", chunking.Paragraph{}, paragraphOracle},
}
