package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// A row is one line of the table: a measured value against its target.
type row struct {
	what   string
	value  float64
	ok     bool // value was measured
	format string
	target float64 // at most this; 0 for none
	detail string
}

func (r row) String() string {
	measured, verdict := "not measured", ""
	if r.ok {
		measured = fmt.Sprintf(r.format, r.value)
		if r.target > 0 {
			verdict = "met"
			if r.value > r.target {
				verdict = "MISSED"
			}
		}
	}
	target := "—"
	if r.target > 0 {
		target = "≤ " + strconv.FormatFloat(r.target, 'f', -1, 64)
		if strings.HasSuffix(r.format, "x") {
			target += "x"
		}
	}
	return fmt.Sprintf("| %s | %s | %s | %s | %s |", r.what, measured, target, verdict, r.detail)
}

// ratio is a/b of two medians.
func ratio(res results, binA, nameA, binB, nameB, unit string) (v float64, ok bool, detail string) {
	a, okA := res.median(binA, nameA, unit)
	b, okB := res.median(binB, nameB, unit)
	if !okA || !okB || b == 0 {
		return 0, false, ""
	}
	return a / b, true, fmt.Sprintf("%s over %s", human(a, unit), human(b, unit))
}

func human(v float64, unit string) string {
	switch unit {
	case "ns/op":
		return fmt.Sprintf("%.3g ms", v/1e6)
	case "ns/chunk":
		return fmt.Sprintf("%.3g µs", v/1e3)
	}
	return fmt.Sprintf("%.3g %s", v, unit)
}

const (
	scaling   = "BenchmarkScaling/chunker=%s/chars=%s"
	stream    = "BenchmarkPerChunk/case=stream"
	bare      = "BenchmarkPerChunk/case=bare"
	woven     = "BenchmarkTelemetry/case=woven"
	inline    = "BenchmarkTelemetry/case=inline"
	many      = "BenchmarkConcurrent"
	perChunkT = "ns/chunk"
)

func rows(res results) []row {
	var rs []row
	for _, c := range []string{"sentence", "word", "paragraph"} {
		v, ok, d := ratio(res, "plain", fmt.Sprintf(scaling, c, "80k"), "plain", fmt.Sprintf(scaling, c, "20k"), "ns/op")
		rs = append(rs, row{what: "80k vs 20k characters, " + c + ", 1-rune deltas", value: v, ok: ok, format: "%.2fx", target: 4.5, detail: d})
	}
	v, ok, d := ratio(res, "plain", stream, "plain", bare, perChunkT)
	rs = append(rs, row{what: "stream per chunk vs bare loop, one requirement, no plugin", value: v, ok: ok, format: "%.2fx", target: 2, detail: d})
	v, ok, d = ratio(res, "woven", woven, "woven", inline, perChunkT)
	rs = append(rs, row{what: "woven, tracing and metrics on, vs the inline reference", value: v, ok: ok, format: "%.2fx", target: 1.10, detail: d})
	v, ok, d = ratio(res, "woven", stream, "plain", stream, perChunkT)
	rs = append(rs, row{what: "woven, telemetry off, vs plain", value: v, ok: ok, format: "%.3fx", target: 1.02, detail: d})
	a, ok := res.median("plain", stream, "allocs/chunk")
	rs = append(rs, row{what: "allocations per chunk, no plugin listening", value: a, ok: ok, format: "%.2f", target: 4})
	a, ok = res.median("woven", woven, "allocs/chunk")
	ai, _ := res.median("woven", inline, "allocs/chunk")
	rs = append(rs, row{what: "allocations per chunk, tracing and metrics on", value: a, ok: ok, format: "%.1f", detail: fmt.Sprintf("inline reference: %.1f", ai)})
	h, ok := res.median("plain", many, "heap-B/stream")
	rs = append(rs, row{what: "10,000 concurrent streams: heap per open stream", value: h / 1024, ok: ok, format: "%.1f KiB"})
	g, ok := res.median("plain", many, "goroutines/stream")
	rs = append(rs, row{what: "10,000 concurrent streams: goroutines per open stream", value: g, ok: ok, format: "%.2f", detail: "the consumer's own included"})
	return rs
}

func printTable(w io.Writer, res results, count int) error {
	fmt.Fprintf(w, "Runtime benchmarks: medians of %d rounds, plain and woven binaries alternating.\n\n", count)
	fmt.Fprintln(w, "| comparison | measured | target | | medians |")
	fmt.Fprintln(w, "|---|---|---|---|---|")
	for _, r := range rows(res) {
		if _, err := fmt.Fprintln(w, r); err != nil {
			return err
		}
	}
	return nil
}
