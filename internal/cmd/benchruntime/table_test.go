package main

import (
	"slices"
	"strings"
	"testing"
)

const sample = `goos: linux
BenchmarkScaling/chunker=sentence-2   	     100	  10000000 ns/op	 10000000 chars20k-ns/op	 42000000 chars80k-ns/op	 4.2 ratio
BenchmarkPerChunk-2 	  10	 1000 ns/op	 300.0 stream-ns/chunk	 2.500 stream-allocs/chunk	 200.0 bare-ns/chunk	 1.5 ratio
BenchmarkRetry-2 	  10	 3000000 ns/op	 1000000 fresh-ns/attempt	 1.05 ratio	 1050000 retried-ns/attempt
PASS
`

func TestParseAndMedian(t *testing.T) {
	res := results{}
	res.add("plain", []byte(sample))
	res.add("plain", []byte(strings.ReplaceAll(sample, "300.0 stream-ns/chunk", "500.0 stream-ns/chunk")))
	res.add("plain", []byte(strings.ReplaceAll(sample, "300.0 stream-ns/chunk", "100.0 stream-ns/chunk")))
	if v, ok := res.median("plain", "BenchmarkPerChunk", "stream-ns/chunk"); !ok || v != 300 {
		t.Errorf("median stream-ns/chunk = %v, %v; want 300", v, ok)
	}
	if v, ok := res.median("plain", "BenchmarkScaling/chunker=sentence", "ratio"); !ok || v != 4.2 {
		t.Errorf("median ratio = %v, %v; want 4.2", v, ok)
	}
	if _, ok := res.median("woven", "BenchmarkPerChunk", "stream-ns/chunk"); ok {
		t.Error("a median of nothing")
	}
}

// TestRoundRatio checks the woven-off row: the median of round-by-round
// ratios, not met while one round is past its target.
func TestRoundRatio(t *testing.T) {
	res := results{}
	for _, v := range []string{"100.0", "400.0", "200.0"} {
		res.add("plain", []byte(strings.ReplaceAll(sample, "300.0", v)))
	}
	for _, v := range []string{"101.0", "404.0", "400.0"} {
		res.add("woven", []byte(strings.ReplaceAll(sample, "300.0", v)))
	}
	if v, ok := median(res.roundRatios("woven", "plain", "BenchmarkPerChunk", "stream-ns/chunk")); !ok || v != 1.01 {
		t.Errorf("round ratio = %v, %v; want 1.01 (the median of 1.01, 1.01, 2)", v, ok)
	}
	tableHas(t, res, 3, "| woven, telemetry off, vs plain | 1.010x | ≤ 1.02x | MISSED | stream per chunk, woven binary over plain, round by round; rounds 1.010-2.000x |")
}

// TestRoundPasses checks that every round runs every pass once, that the
// two per-chunk passes run next to each other, and that they change
// places from one round to the next.
func TestRoundPasses(t *testing.T) {
	for round := 1; round <= 2; round++ {
		ps := roundPasses(round)
		if len(ps) != len(passes) {
			t.Fatalf("round %d has %d passes, want %d", round, len(ps), len(passes))
		}
		var order []string
		for _, p := range ps {
			if p.bench == "PerChunk" {
				order = append(order, p.binary)
			}
		}
		want := []string{"plain", "woven"}
		if round%2 == 0 {
			want = []string{"woven", "plain"}
		}
		if !slices.Equal(order, want) || ps[len(ps)-1].bench != "PerChunk" || ps[len(ps)-2].bench != "PerChunk" {
			t.Errorf("round %d runs %+v; want the per-chunk passes last, %v", round, ps, want)
		}
	}
}

// TestTable_JustPastTarget checks that a ratio just past its target reads
// as past it, and that the rounds' range is shown.
func TestTable_JustPastTarget(t *testing.T) {
	res := results{}
	for _, r := range []string{"1.5", "2.004", "2.2"} {
		res.add("plain", []byte(strings.ReplaceAll(sample, "1.5 ratio", r+" ratio")))
	}
	tableHas(t, res, 3, "| stream per chunk vs bare loop, one requirement, no plugin | 2.004x | ≤ 1.5x | MISSED | stream 0.3 µs/chunk, bare 0.2 µs/chunk; rounds 1.500-2.200x |")
}

// TestTable_RoundPastTarget checks that a median inside its target with a
// round past it is not met: the margin is narrower than the rounds' spread.
func TestTable_RoundPastTarget(t *testing.T) {
	res := results{}
	for _, r := range []string{"1.02", "1.05", "1.12"} {
		res.add("plain", []byte(strings.ReplaceAll(sample, "1.05 ratio", r+" ratio")))
	}
	tableHas(t, res, 3, "| retried stream per attempt vs a fresh stream of the same reply | 1.050x | ≤ 1.1x | MISSED | retried 1.05 ms/attempt, fresh 1 ms/attempt; rounds 1.020-1.120x |")
}

// TestTable_Increment checks the row of what telemetry adds: the woven
// side's increment over off against the inline side's.
func TestTable_Increment(t *testing.T) {
	res := results{}
	for _, inc := range []string{"0.95", "0.9", "0.97"} {
		res.add("woven", []byte("BenchmarkTelemetry-2 \t 10\t 1000 ns/op\t "+inc+" increment\t 1900 inline-ns/chunk\t 400 off-ns/chunk\t 1800 woven-ns/chunk\t 0.947 ratio\n"))
	}
	tableHas(t, res, 3, "| what woven tracing and metrics add per chunk, vs what the inline reference's calls add | 0.950x | ≤ 1x | met | woven +1.4 µs/chunk, inline +1.5 µs/chunk over off 0.4 µs/chunk; rounds 0.900-0.970x |")
}

func TestTable(t *testing.T) {
	res := results{}
	res.add("plain", []byte(sample))
	var b strings.Builder
	if err := printTable(&b, res, 1); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"| 80k vs 20k characters, sentence, 1-rune deltas | 4.200x | ≤ 4.5x | met | chars80k 42 ms/op, chars20k 10 ms/op |",
		"| stream per chunk vs bare loop, one requirement, no plugin | 1.500x | ≤ 1.5x | met | stream 0.3 µs/chunk, bare 0.2 µs/chunk |",
		"| allocations per chunk, no plugin listening | 2.50 | ≤ 4 | met |  |",
		"| retried stream per attempt vs a fresh stream of the same reply | 1.050x | ≤ 1.1x | met | retried 1.05 ms/attempt, fresh 1 ms/attempt |",
		"| woven, telemetry off, vs plain | not measured | ≤ 1.02x |  |",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, b.String())
		}
	}
}

// tableHas checks that the table of res over rounds rounds has the line
// want.
func tableHas(t *testing.T, res results, rounds int, want string) {
	t.Helper()
	var b strings.Builder
	if err := printTable(&b, res, rounds); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), want) {
		t.Errorf("table lacks %q:\n%s", want, b.String())
	}
}
