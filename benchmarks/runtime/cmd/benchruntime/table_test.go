package main

import (
	"strings"
	"testing"
)

const sample = `goos: linux
BenchmarkScaling/chunker=sentence/chars=20k-2   	     100	  10000000 ns/op
BenchmarkScaling/chunker=sentence/chars=80k-2   	      25	  42000000 ns/op
BenchmarkPerChunk/case=stream-2 	  10	 1000 ns/op	 300.0 ns/chunk	 2.500 allocs/chunk
BenchmarkPerChunk/case=bare-2   	  10	 1000 ns/op	 200.0 ns/chunk	 1.000 allocs/chunk
PASS
`

func TestParseAndMedian(t *testing.T) {
	res := results{}
	res.add("plain", []byte(sample))
	res.add("plain", []byte(strings.ReplaceAll(sample, "300.0 ns/chunk", "500.0 ns/chunk")))
	res.add("plain", []byte(strings.ReplaceAll(sample, "300.0 ns/chunk", "100.0 ns/chunk")))
	if v, ok := res.median("plain", "BenchmarkPerChunk/case=stream", "ns/chunk"); !ok || v != 300 {
		t.Errorf("median ns/chunk = %v, %v; want 300", v, ok)
	}
	if v, ok := res.median("plain", "BenchmarkScaling/chunker=sentence/chars=80k", "ns/op"); !ok || v != 42e6 {
		t.Errorf("median ns/op = %v, %v; want 42e6", v, ok)
	}
	if _, ok := res.median("woven", "BenchmarkPerChunk/case=stream", "ns/chunk"); ok {
		t.Error("a median of nothing")
	}
}

func TestTable(t *testing.T) {
	res := results{}
	res.add("plain", []byte(sample))
	var b strings.Builder
	if err := printTable(&b, res, 1); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"| 80k vs 20k characters, sentence, 1-rune deltas | 4.20x | ≤ 4.5x | met | 42 ms over 10 ms |",
		"| stream per chunk vs bare loop, one requirement, no plugin | 1.50x | ≤ 2x | met | 0.3 µs over 0.2 µs |",
		"| allocations per chunk, no plugin listening | 2.50 | ≤ 4 | met |  |",
		"| woven, telemetry off, vs plain | not measured | ≤ 1.02x |  |  |",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, b.String())
		}
	}
}
