package runtimebench

import (
	"runtime/metrics"
	"testing"
	"time"
)

// A side is one of the two operations a paired benchmark compares. run
// does one operation and returns how many units (chunks) it handled.
type side struct {
	name string
	run  func() int
}

// paired runs x and y alternately, b.N times each, and reports for each
// its time and allocations per unit, and the ratio of x's time to y's.
// Alternating one operation at a time makes both sides see the same
// machine, which a shared, noisy one otherwise does not give two
// benchmarks run one after the other.
func paired(b *testing.B, unit string, x, y side) {
	var t [2]time.Duration
	var allocs, units [2]uint64
	sides := [2]side{x, y}
	for b.Loop() {
		for i, s := range sides {
			a0 := allocated()
			start := time.Now()
			units[i] += uint64(s.run())
			t[i] += time.Since(start)
			allocs[i] += allocated() - a0
		}
	}
	for i, s := range sides {
		if units[i] == 0 {
			b.Fatalf("%s handled no %s", s.name, unit)
		}
		b.ReportMetric(float64(t[i].Nanoseconds())/float64(units[i]), s.name+"-ns/"+unit)
		b.ReportMetric(float64(allocs[i])/float64(units[i]), s.name+"-allocs/"+unit)
	}
	b.ReportMetric(float64(t[0])/float64(units[0])/(float64(t[1])/float64(units[1])), "ratio")
}

var allocSamples = []metrics.Sample{{Name: "/gc/heap/allocs:objects"}, {Name: "/gc/heap/tiny/allocs:objects"}}

// allocated is the number of heap allocations so far, tiny ones included
// (as runtime.MemStats.Mallocs counts them).
func allocated() uint64 {
	metrics.Read(allocSamples)
	return allocSamples[0].Value.Uint64() + allocSamples[1].Value.Uint64()
}
