package runtime

import (
	"runtime/metrics"
	"testing"
	"time"
)

// A side is one of the two operations a paired benchmark compares. run
// does one operation and returns how many units (chunks) it handled.
// setup and teardown, when not nil, run before and after each run,
// outside the time and allocations measured.
type side struct {
	name            string
	run             func() int
	setup, teardown func()
}

// paired runs x and y alternately, b.N times each, and reports for each
// its time, allocations and bytes allocated per unit, and the ratio of x's
// time to y's.
// Alternating one operation at a time makes both sides see the same
// machine, which a shared, noisy one otherwise does not give two
// benchmarks run one after the other.
func paired(b *testing.B, unit string, x, y side) {
	var t [2]time.Duration
	var allocs, bytes, units [2]uint64
	sides := [2]side{x, y}
	for b.Loop() {
		for i, s := range sides {
			if s.setup != nil {
				s.setup()
			}
			a0, b0 := allocated()
			start := time.Now()
			units[i] += uint64(s.run())
			t[i] += time.Since(start)
			a1, b1 := allocated()
			allocs[i] += a1 - a0
			bytes[i] += b1 - b0
			if s.teardown != nil {
				s.teardown()
			}
		}
	}
	for i, s := range sides {
		if units[i] == 0 {
			b.Fatalf("%s handled no %s", s.name, unit)
		}
		b.ReportMetric(float64(t[i].Nanoseconds())/float64(units[i]), s.name+"-ns/"+unit)
		b.ReportMetric(float64(allocs[i])/float64(units[i]), s.name+"-allocs/"+unit)
		b.ReportMetric(float64(bytes[i])/float64(units[i]), s.name+"-B/"+unit)
	}
	b.ReportMetric(float64(t[0])/float64(units[0])/(float64(t[1])/float64(units[1])), "ratio")
}

var allocSamples = []metrics.Sample{
	{Name: "/gc/heap/allocs:objects"},
	{Name: "/gc/heap/tiny/allocs:objects"},
	{Name: "/gc/heap/allocs:bytes"},
}

// allocated is the number of heap allocations so far, tiny ones included
// (as runtime.MemStats.Mallocs counts them), and the bytes they took.
func allocated() (objects, bytes uint64) {
	metrics.Read(allocSamples)
	return allocSamples[0].Value.Uint64() + allocSamples[1].Value.Uint64(), allocSamples[2].Value.Uint64()
}
