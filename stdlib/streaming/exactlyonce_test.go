package streaming_test

import (
	"context"
	"errors"
	"iter"
	"sync"
	"testing"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/hooks/hookstest"
	"github.com/hookweave/hookweave/stdlib/backend/scripted"
	"github.com/hookweave/hookweave/stdlib/streaming"
)

// onceCompleted checks that one stream completed once: one CompletedEvent,
// the last event, and in a woven build (go test -toolexec=hookweave) one
// streaming_start and one streaming_end, after it. In a plain build the end
// hook would fire in the same function as CompletedEvent, once per call.
func onceCompleted(t *testing.T, rec *hookstest.Recorder) hooks.CompletedEvent {
	t.Helper()
	c := hookstest.EventsOf[hooks.CompletedEvent](rec)
	if len(c) != 1 {
		t.Fatalf("%d completed events, want 1 (events %q)", len(c), order(rec))
	}
	evs := rec.Events()
	if _, ok := evs[len(evs)-1].(hooks.CompletedEvent); !ok {
		t.Fatalf("completed is not the last event: %q", order(rec))
	}
	want := 0
	if hooks.Woven() {
		want = 1
	}
	if starts, ends := rec.Count(hooks.StreamingStart), rec.Count(hooks.StreamingEnd); starts != want || ends != want {
		t.Fatalf("%d streaming_start and %d streaming_end, want %d", starts, ends, want)
	}
	if want == 1 {
		if _, ok := rec.Last().(*hooks.StreamingEndPayload); !ok {
			t.Fatalf("streaming_end is not last")
		}
	}
	return c[0]
}

func newThree(opts ...scripted.Option) *streaming.Stream {
	return streaming.New(context.Background(), scripted.New(threeSentences, opts...), request("x"),
		streaming.WithRequirements(forbid{"bad"}))
}

func TestExactlyOnceOnDrain(t *testing.T) {
	rec := hookstest.Record(t)
	s := newThree()
	hookstest.Drain(s.Chunks())
	s.Close()
	s.Close()
	if c := onceCompleted(t, rec); !c.Success {
		t.Errorf("completed %+v", c)
	}
}

func TestExactlyOnceOnBreak(t *testing.T) {
	rec := hookstest.Record(t)
	b := &counting{Streamer: scripted.New(threeSentences, scripted.WithDelta(1))}
	s := streaming.New(context.Background(), b, request("x"))
	for range s.Chunks() {
		break
	}
	c := onceCompleted(t, rec)
	res := s.Result()
	if c.Success || !res.Stopped || res.Completed || res.FailureReason != "" || res.Err != nil || res.FullText != "One is fine." {
		t.Errorf("completed %+v, result %+v", c, res)
	}
	if want := len("One is fine. "); b.deltas != want {
		t.Errorf("generation went on for %d deltas after the break, want %d", b.deltas, want)
	}
	if want := "chunk completed"; order(rec) != want {
		t.Errorf("events %q, want %q", order(rec), want)
	}
}

func TestExactlyOnceOnPullStop(t *testing.T) {
	rec := hookstest.Record(t)
	s := newThree()
	next, stop := iter.Pull2(s.Chunks())
	if c, err, ok := next(); !ok || err != nil || c != "One is fine." {
		t.Fatalf("next: %q %v %v", c, err, ok)
	}
	stop()
	stop()
	s.Close()
	onceCompleted(t, rec)
	if !s.Result().Stopped {
		t.Errorf("result %+v", s.Result())
	}
}

func TestExactlyOnceOnPullStopBeforeNext(t *testing.T) {
	rec := hookstest.Record(t)
	s := newThree()
	_, stop := iter.Pull2(s.Chunks())
	stop() // the sequence never started: Close ends the stream
	if len(rec.Events()) != 0 {
		t.Fatalf("events before Close: %q", order(rec))
	}
	s.Close()
	s.Close()
	if c := onceCompleted(t, rec); c.Success || c.FullText != "" {
		t.Errorf("completed %+v", c)
	}
	if res := s.Result(); !res.Stopped {
		t.Errorf("result %+v", res)
	}
}

func TestExactlyOnceOnCloseNeverIterated(t *testing.T) {
	rec := hookstest.Record(t)
	s := newThree()
	s.Close()
	s.Close()
	onceCompleted(t, rec)
	if want := "completed"; order(rec) != want {
		t.Errorf("events %q, want %q", order(rec), want)
	}
	chunks, errs := hookstest.Drain(s.Chunks())
	if len(chunks) != 0 || len(errs) != 1 || !errors.Is(errs[0], streaming.ErrUsed) {
		t.Errorf("ranging a closed stream: chunks %q, errors %v", chunks, errs)
	}
	onceCompleted(t, rec)
}

func TestSecondRangeYieldsErrUsed(t *testing.T) {
	rec := hookstest.Record(t)
	s := newThree()
	hookstest.Drain(s.Chunks())
	want := s.Result()
	_, errs := hookstest.Drain(s.Chunks())
	if len(errs) != 1 || !errors.Is(errs[0], streaming.ErrUsed) {
		t.Errorf("errors %v", errs)
	}
	onceCompleted(t, rec)
	if got := s.Result(); got.FullText != want.FullText || got.Completed != want.Completed {
		t.Errorf("result changed: %+v, was %+v", got, want)
	}
}

func TestExactlyOnceOnContextCancel(t *testing.T) {
	rec := hookstest.Record(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s := streaming.New(ctx, scripted.New(threeSentences, scripted.WithDelta(1)), request("x"))
	var errs []error
	for _, err := range s.Chunks() {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		cancel()
	}
	if len(errs) != 1 || !errors.Is(errs[0], context.Canceled) {
		t.Fatalf("errors %v, want one context.Canceled", errs)
	}
	// Stopping is not failing: no ErrorEvent.
	if want := "chunk completed"; order(rec) != want {
		t.Errorf("events %q, want %q", order(rec), want)
	}
	onceCompleted(t, rec)
	if res := s.Result(); !res.Stopped || res.Completed || res.FullText != "One is fine." || !errors.Is(res.Err, context.Canceled) {
		t.Errorf("result %+v", res)
	}
}

func TestExactlyOnceOnCloseInLoop(t *testing.T) {
	rec := hookstest.Record(t)
	s := newThree()
	var n int
	for _, err := range s.Chunks() {
		if err != nil {
			t.Fatal(err)
		}
		n++
		s.Close()
		s.Close()
	}
	onceCompleted(t, rec)
	if res := s.Result(); n != 1 || !res.Stopped || res.Err != nil {
		t.Errorf("%d chunks, result %+v", n, res)
	}
}

func TestExactlyOnceOnCloseFromAnotherGoroutine(t *testing.T) {
	rec := hookstest.Record(t)
	// The backend stalls after the first sentence until its context is done.
	s := streaming.New(context.Background(), scripted.New(threeSentences, scripted.WithDelta(1), scripted.WithStall(), scripted.WithFailAfter(14)), request("x"))
	var wg sync.WaitGroup
	var errs []error
	for _, err := range s.Chunks() {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		wg.Go(s.Close)
	}
	wg.Wait()
	if errs != nil {
		t.Errorf("errors %v", errs)
	}
	onceCompleted(t, rec)
	if res := s.Result(); !res.Stopped || res.Err != nil || res.FullText != "One is fine." {
		t.Errorf("result %+v", res)
	}
}

func TestExactlyOnceOnPanicInLoop(t *testing.T) {
	rec := hookstest.Record(t)
	s := newThree()
	func() {
		defer func() {
			if recover() == nil {
				t.Error("the panic did not reach the consumer")
			}
		}()
		for range s.Chunks() {
			panic("consumer bug")
		}
	}()
	s.Close()
	onceCompleted(t, rec)
}

func TestExactlyOnceForConcurrentStreams(t *testing.T) {
	rec := hookstest.Record(t)
	const n = 8
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			s := newThree(scripted.WithDelta(i + 1))
			defer s.Close()
			for range s.Chunks() {
				if i%2 == 0 {
					break
				}
			}
		})
	}
	wg.Wait()
	perID := map[string]int{}
	for _, e := range hookstest.PayloadsOf[*hooks.StreamingEventPayload](rec) {
		if _, ok := e.Event.(hooks.CompletedEvent); ok {
			perID[e.StreamingID]++
		}
	}
	if hooks.Woven() && rec.Count(hooks.StreamingEnd) != n {
		t.Errorf("%d streaming_end, want %d", rec.Count(hooks.StreamingEnd), n)
	}
	if len(perID) != n {
		t.Fatalf("%d streams completed, want %d", len(perID), n)
	}
	for id, c := range perID {
		if c != 1 {
			t.Errorf("stream %s completed %d times", id, c)
		}
	}
}
