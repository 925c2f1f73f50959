package main

import (
	"fmt"
	"io"
	"slices"
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
	worst  float64 // the highest round, when there are several; 0 for none
	detail string
}

func (r row) String() string {
	measured, verdict := "not measured", ""
	if r.ok {
		measured = fmt.Sprintf(r.format, r.value)
		if r.target > 0 {
			// A median inside the target with a round past it is within
			// the machine's noise of missing it: not met.
			verdict = "met"
			if r.value > r.target || r.worst > r.target {
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

// paired is the row of a paired benchmark: the median of its ratio, to
// three places so that a value just past its target does not print as the
// target, with the range of its rounds and the medians of its two sides.
// It is met only when every round is inside the target.
func paired(res results, name, x, y, unit, what string, target float64) row {
	v, ok := res.median("plain", name, "ratio")
	if !ok {
		v, ok = res.median("woven", name, "ratio")
		return pairedRow(res, "woven", name, x, y, unit, what, target, v, ok)
	}
	return pairedRow(res, "plain", name, x, y, unit, what, target, v, ok)
}

func pairedRow(res results, bin, name, x, y, unit, what string, target, v float64, ok bool) row {
	a, _ := res.median(bin, name, x+"-ns/"+unit)
	b, _ := res.median(bin, name, y+"-ns/"+unit)
	detail := fmt.Sprintf("%s %s, %s %s", x, human(a, unit), y, human(b, unit))
	return withRounds(row{what: what, value: v, ok: ok, format: "%.3fx", target: target, detail: detail}, res[bin][name]["ratio"])
}

// withRounds adds the range of several rounds' values to r.
func withRounds(r row, rounds []float64) row {
	if len(rounds) > 1 {
		r.worst = slices.Max(rounds)
		r.detail += fmt.Sprintf("; rounds %.3f-%.3fx", slices.Min(rounds), r.worst)
	}
	return r
}

// increment is the row of what woven tracing and metrics add per chunk
// over the same stream with no plugin (BenchmarkTelemetry's off side),
// against what the inline reference's OpenTelemetry calls add over it.
func increment(res results) row {
	const name = "BenchmarkTelemetry"
	v, ok := res.median("woven", name, "increment")
	w, _ := res.median("woven", name, "woven-ns/chunk")
	in, _ := res.median("woven", name, "inline-ns/chunk")
	off, _ := res.median("woven", name, "off-ns/chunk")
	detail := fmt.Sprintf("woven +%s, inline +%s over off %s", human(w-off, "chunk"), human(in-off, "chunk"), human(off, "chunk"))
	return withRounds(row{what: "what woven tracing and metrics add per chunk, vs what the inline reference's calls add", value: v, ok: ok, format: "%.3fx", target: 1, detail: detail}, res["woven"][name]["increment"])
}

func human(ns float64, unit string) string {
	if ns >= 1e6 {
		return fmt.Sprintf("%.3g ms/%s", ns/1e6, unit)
	}
	return fmt.Sprintf("%.3g µs/%s", ns/1e3, unit)
}

func rows(res results) []row {
	var rs []row
	for _, c := range []string{"sentence", "word", "paragraph"} {
		rs = append(rs, paired(res, "BenchmarkScaling/chunker="+c, "chars80k", "chars20k", "op",
			"80k vs 20k characters, "+c+", 1-rune deltas", 4.5))
	}
	rs = append(rs, paired(res, "BenchmarkPerChunk", "stream", "bare", "chunk",
		"stream per chunk vs bare loop, one requirement, no plugin", 1.5))
	rs = append(rs, paired(res, "BenchmarkRetry", "retried", "fresh", "attempt",
		"retried stream per attempt vs a fresh stream of the same reply", 1.10))
	rs = append(rs, paired(res, "BenchmarkTelemetry", "woven", "inline", "chunk",
		"woven, tracing and metrics on, vs the inline reference", 1.10))
	rs = append(rs, increment(res))
	ratios := res.roundRatios("woven", "plain", "BenchmarkPerChunk", "stream-ns/chunk")
	v, ok := median(ratios)
	rs = append(rs, withRounds(row{what: "woven, telemetry off, vs plain", value: v, ok: ok, format: "%.3fx", target: 1.02,
		detail: "stream per chunk, woven binary over plain, round by round"}, ratios))
	a, ok := res.median("plain", "BenchmarkPerChunk", "stream-allocs/chunk")
	rs = append(rs, row{what: "allocations per chunk, no plugin listening", value: a, ok: ok, format: "%.2f", target: 4})
	a, ok = res.median("woven", "BenchmarkTelemetry", "woven-allocs/chunk")
	ai, _ := res.median("woven", "BenchmarkTelemetry", "inline-allocs/chunk")
	rs = append(rs, row{what: "allocations per chunk, tracing and metrics on", value: a, ok: ok, format: "%.1f", detail: fmt.Sprintf("inline reference: %.1f", ai)})
	h, ok := res.median("plain", "BenchmarkConcurrent", "heap-B/stream")
	rs = append(rs, row{what: "10,000 concurrent streams: heap per open stream", value: h / 1024, ok: ok, format: "%.1f KiB"})
	g, ok := res.median("plain", "BenchmarkConcurrent", "goroutines/stream")
	rs = append(rs, row{what: "10,000 concurrent streams: goroutines per open stream", value: g, ok: ok, format: "%.2f", detail: "the consumer's own included"})
	return rs
}

func printTable(w io.Writer, res results, count int) error {
	fmt.Fprintf(w, "Runtime benchmarks: medians of %d rounds; each ratio pairs its two sides op by op in one binary, but for woven vs plain.\n\n", count)
	fmt.Fprintln(w, "| comparison | measured | target | | medians |")
	fmt.Fprintln(w, "|---|---|---|---|---|")
	for _, r := range rows(res) {
		if _, err := fmt.Fprintln(w, r); err != nil {
			return err
		}
	}
	return nil
}
