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
// time to y's. Sides in more, when given, take their turns after y and are
// reported alike. It returns each side's time per unit, x's first.
// Alternating one operation at a time makes all sides see the same
// machine, which a shared, noisy one otherwise does not give benchmarks
// run one after the other.
func paired(b *testing.B, unit string, x, y side, more ...side) []float64 {
	sides := append([]side{x, y}, more...)
	t := make([]time.Duration, len(sides))
	allocs, bytes, units := make([]uint64, len(sides)), make([]uint64, len(sides)), make([]uint64, len(sides))
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
	perUnit := make([]float64, len(sides))
	for i, s := range sides {
		if units[i] == 0 {
			b.Fatalf("%s handled no %s", s.name, unit)
		}
		perUnit[i] = float64(t[i].Nanoseconds()) / float64(units[i])
		b.ReportMetric(perUnit[i], s.name+"-ns/"+unit)
		b.ReportMetric(float64(allocs[i])/float64(units[i]), s.name+"-allocs/"+unit)
		b.ReportMetric(float64(bytes[i])/float64(units[i]), s.name+"-B/"+unit)
	}
	b.ReportMetric(perUnit[0]/perUnit[1], "ratio")
	return perUnit
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
