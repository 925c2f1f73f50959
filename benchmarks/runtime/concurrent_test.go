package runtime

import (
	"context"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/hookweave/hookweave/stdlib/backend/scripted"
	"github.com/hookweave/hookweave/stdlib/chunking"
	"github.com/hookweave/hookweave/stdlib/streaming"
)

// concurrentStreams is the number of streams of the concurrent case.
const concurrentStreams = 10_000

// BenchmarkConcurrent holds concurrentStreams streams open at once, each
// on its own consumer goroutine over a scripted backend that waits before
// every delta, and reports what one open stream holds: heap bytes and
// goroutines (its consumer's included). Each stream is measured after it
// delivered its first chunk, while its backend still has deltas to send.
func BenchmarkConcurrent(b *testing.B) {
	reply := sentences(8)
	for b.Loop() {
		heap, goroutines := holdStreams(b, reply)
		b.ReportMetric(heap, "heap-B/stream")
		b.ReportMetric(goroutines, "goroutines/stream")
	}
}

// holdStreams opens the streams, waits until each has delivered a chunk,
// measures, then lets them finish.
func holdStreams(b *testing.B, reply string) (heapPerStream, goroutinesPerStream float64) {
	b.StopTimer()
	before := liveHeap()
	baseGoroutines := runtime.NumGoroutine()
	b.StartTimer()

	ctx, cancel := context.WithCancel(context.Background())
	be := scripted.New(reply, scripted.WithDelta(perChunkDelta), scripted.WithDelay(time.Millisecond))
	var started, done sync.WaitGroup
	release := make(chan struct{})
	started.Add(concurrentStreams)
	done.Add(concurrentStreams)
	for range concurrentStreams {
		go func() {
			defer done.Done()
			s := streaming.New(ctx, be, telemetryRequest, streaming.WithChunker(chunking.Sentence{}),
				streaming.WithRequirements(perChunkRequirement()))
			first := true
			for _, err := range s.Chunks() {
				if err != nil {
					return // the cancel below
				}
				if first {
					first = false
					started.Done()
					<-release
				}
			}
		}()
	}
	started.Wait()

	b.StopTimer()
	heap := liveHeap() - before
	goroutines := runtime.NumGoroutine() - baseGoroutines
	b.StartTimer()
	close(release)
	cancel()
	done.Wait()
	return float64(heap) / concurrentStreams, float64(goroutines) / concurrentStreams
}

// liveHeap is the heap in use after a collection.
func liveHeap() int64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc)
}
