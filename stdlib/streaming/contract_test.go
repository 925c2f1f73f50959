package streaming_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/hooks/hookstest"
	"github.com/hookweave/hookweave/stdlib/backend/scripted"
	"github.com/hookweave/hookweave/stdlib/chunking"
	"github.com/hookweave/hookweave/stdlib/requirement"
	"github.com/hookweave/hookweave/stdlib/streaming"
)

func TestWithEvents_EveryEventInOrderOnTheConsumersGoroutineWithNoPlugin(t *testing.T) {
	if hooks.Listening(hooks.StreamingEvent) {
		t.Fatal("a plugin listens to streaming_event")
	}
	var seen []hooks.Event // no lock: fn runs on this goroutine
	s := streaming.New(context.Background(), scripted.New("One. Two. "), request("x"),
		streaming.WithRequirements(fixed{check: hooks.Pass, validate: hooks.Pass}),
		streaming.WithEvents(func(ev hooks.Event) { seen = append(seen, ev) }))
	for chunk, err := range s.Chunks() {
		if err != nil {
			t.Fatal(err)
		}
		// The chunk's event came just before the chunk, synchronously.
		if c, ok := seen[len(seen)-1].(hooks.ChunkEvent); !ok || c.Text != chunk {
			t.Fatalf("last event before chunk %q: %#v", chunk, seen[len(seen)-1])
		}
	}
	var names []string
	for _, ev := range seen {
		names = append(names, ev.EventName())
	}
	if got, want := strings.Join(names, " "), "quick_check chunk quick_check chunk streaming_done full_validation completed"; got != want {
		t.Fatalf("events %q, want %q", got, want)
	}
}

func TestWithEvents_APanicIsContainedLikeAPlugins(t *testing.T) {
	var reported []error
	hooks.SetReporter(func(err error) { reported = append(reported, err) })
	defer hooks.SetReporter(nil)
	var completed int
	s := streaming.New(context.Background(), scripted.New("One. Two. "), request("x"),
		streaming.WithEvents(func(ev hooks.Event) {
			if _, ok := ev.(hooks.ChunkEvent); ok {
				panic("bad observer")
			}
		}),
		streaming.WithEvents(func(ev hooks.Event) {
			if _, ok := ev.(hooks.CompletedEvent); ok {
				completed++
			}
		}))
	chunks, errs := hookstest.Drain(s.Chunks())
	if len(chunks) != 2 || len(errs) != 0 || !s.Result().Completed || completed != 1 {
		t.Fatalf("chunks %q, errors %v, result %+v, completed %d", chunks, errs, s.Result(), completed)
	}
	var pe *hooks.PluginError
	var panicErr *hooks.PanicError
	if len(reported) != 2 || !errors.As(reported[0], &pe) || pe.Plugin != "streaming.WithEvents" ||
		pe.Hook != hooks.StreamingEvent || !errors.As(reported[0], &panicErr) || panicErr.Value != "bad observer" {
		t.Fatalf("reported %v", reported)
	}
}

// badChunker breaks the chunker contract in the way its field says.
type badChunker struct{ empty bool }

func (badChunker) Name() string { return "BadChunker" }
func (b badChunker) Split(buf string) ([]string, string) {
	if b.empty {
		return []string{""}, buf
	}
	return []string{strings.ToUpper(buf)}, ""
}
func (badChunker) Flush(string) []string { return nil }

func TestChunkerContract_EmptyOrRewrittenChunksEndTheStream(t *testing.T) {
	for _, tc := range []struct {
		name  string
		c     badChunker
		fault string
	}{
		{"empty chunk", badChunker{empty: true}, "split returned an empty chunk (chunk 0)"},
		{"rewritten text", badChunker{}, `split returned chunk 0, "ONE. ", which is not the consumed text in order`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := hookstest.Record(t)
			s := streaming.New(context.Background(), scripted.New("One. Two. ", scripted.WithDelta(5)), request("x"), streaming.WithChunker(tc.c))
			chunks, errs := hookstest.Drain(s.Chunks())
			var ce *streaming.ChunkerError
			if len(chunks) != 0 || len(errs) != 1 || !errors.As(errs[0], &ce) || ce.Chunker != "BadChunker" {
				t.Fatalf("chunks %q, errors %v", chunks, errs)
			}
			if want := "chunker BadChunker broke the chunking contract: " + tc.fault; errs[0].Error() != want {
				t.Fatalf("error %q, want %q", errs[0], want)
			}
			if got := order(rec); got != "error completed" {
				t.Fatalf("events %q", got)
			}
		})
	}
}

func TestChunkingNone_EachDeltaIsAChunk(t *testing.T) {
	s := streaming.New(context.Background(), scripted.New("One. Two.", scripted.WithDelta(3)), request("x"), streaming.WithChunker(chunking.None{}))
	chunks, errs := hookstest.Drain(s.Chunks())
	if got := strings.Join(chunks, "|"); got != "One|. T|wo." || len(errs) != 0 || s.Result().FullText != "One. Two." {
		t.Fatalf("chunks %q, errors %v, full text %q", got, errs, s.Result().FullText)
	}
}

func TestRequirementFunc_ChecksEveryChunkAndTheFullText(t *testing.T) {
	var seen []string
	r := requirement.Func("no shouting", func(_ context.Context, text string) (requirement.Result, error) {
		seen = append(seen, text)
		return requirement.Result{Outcome: hooks.Pass}, nil
	})
	s := streaming.New(context.Background(), scripted.New("One. Two. "), request("x"), streaming.WithRequirements(r))
	hookstest.Drain(s.Chunks())
	if got := strings.Join(seen, "|"); got != "One.|Two.|One. Two. " {
		t.Fatalf("the function saw %q", got)
	}
}

func TestTimeout_AHandlerPastItsBoundLetsTheStreamKeepItsPace(t *testing.T) {
	var overruns atomic.Int32
	hooks.SetReporter(func(err error) {
		var o *hooks.OverrunError
		if errors.As(err, &o) {
			overruns.Add(1)
		}
	})
	defer hooks.SetReporter(nil)
	release := make(chan struct{})
	var returned atomic.Int32
	unregister, err := hooks.Register("sleeper", map[hooks.Hook]hooks.Handler{
		hooks.StreamingEvent: func(context.Context, hooks.Payload) hooks.Result {
			<-release // sleeps past its bound until the test lets it go
			returned.Add(1)
			return hooks.Result{}
		},
	}, hooks.WithMode(hooks.Audit), hooks.WithTimeout(time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	defer unregister()

	s := streaming.New(context.Background(), scripted.New("One. Two. Three. "), request("x"))
	chunks, errs := hookstest.Drain(s.Chunks())
	// The stream ended while every handler call was still asleep: it waited
	// for none of them past the bound.
	if len(chunks) != 3 || len(errs) != 0 || returned.Load() != 0 {
		t.Fatalf("chunks %q, errors %v, handler calls returned %d", chunks, errs, returned.Load())
	}
	if n := overruns.Load(); n != 5 { // 3 chunks, streaming_done, completed
		t.Fatalf("%d overruns reported, want 5", n)
	}
	close(release)
	if err := hooks.Shutdown(context.Background()); err != nil { // the late calls end; goleak checks
		t.Fatal(err)
	}
	if returned.Load() != 5 {
		t.Fatalf("%d late calls returned", returned.Load())
	}
}

func TestBlocking_StreamingStartEndsTheStreamBeforeGeneration(t *testing.T) {
	unregister, err := hooks.Register("guard", map[hooks.Hook]hooks.Handler{
		hooks.StreamingStart: func(context.Context, hooks.Payload) hooks.Result {
			return hooks.Result{Block: &hooks.Violation{Reason: "quiet hours", Code: "QUIET"}}
		},
	}, hooks.WithMode(hooks.Concurrent))
	if err != nil {
		t.Fatal(err)
	}
	defer unregister()
	if !hooks.Woven() {
		t.Skip("streaming_start fires only in a woven build; the woven pass runs this test")
	}
	var events sync.Map
	b := &counting{Streamer: scripted.New("One. ")}
	s := streaming.New(context.Background(), b, request("x"), streaming.WithEvents(func(ev hooks.Event) { events.Store(ev.EventName(), true) }))
	chunks, errs := hookstest.Drain(s.Chunks())
	var blocked *hooks.BlockedError
	if len(chunks) != 0 || len(errs) != 1 || !errors.As(errs[0], &blocked) || b.deltas != 0 {
		t.Fatalf("chunks %q, errors %v, deltas generated %d", chunks, errs, b.deltas)
	}
	if errs[0].Error() != "plugin guard blocked streaming_start: [QUIET] quiet hours" || s.Result().Err != errs[0] {
		t.Fatalf("error %q, result %+v", errs[0], s.Result())
	}
}

// A plugin that writes to a streaming event it may only read (the payload
// and its slices are shared at streaming_event, which fires per chunk)
// changes neither the stream's outcome nor the requirement names of its
// later results.
func TestEventReceiverThatWritesCannotChangeTheStream(t *testing.T) {
	var mu sync.Mutex
	var results [][]hooks.CheckResult
	unregister, err := hooks.Register("tamperer", map[hooks.Hook]hooks.Handler{
		hooks.StreamingEvent: func(_ context.Context, p hooks.Payload) hooks.Result {
			e := p.(*hooks.StreamingEventPayload)
			qc, ok := e.Event.(hooks.QuickCheckEvent)
			if !ok {
				return hooks.Result{}
			}
			mu.Lock()
			defer mu.Unlock()
			results = append(results, slices.Clone(qc.Results))
			for i := range qc.Results {
				qc.Results[i] = hooks.CheckResult{Requirement: "tampered", Outcome: hooks.Pass, Reason: "tampered"}
			}
			for i := range e.Requirements {
				e.Requirements[i] = "tampered"
			}
			e.StreamingID = "tampered"
			return hooks.Result{}
		},
	}, hooks.WithMode(hooks.Audit))
	if err != nil {
		t.Fatal(err)
	}
	defer unregister()
	s := streaming.New(context.Background(), scripted.New("Fine. Very bad. Never. "), request("x"),
		streaming.WithRequirements(forbid{"bad"}))
	chunks, _ := hookstest.Drain(s.Chunks())
	res := s.Result()
	if !slices.Equal(chunks, []string{"Fine."}) || res.Completed || res.FailureReason == "" || strings.Contains(res.FailureReason, "tampered") {
		t.Errorf("chunks %q, result %+v", chunks, res)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(results) != 2 || results[1][0].Requirement != "forbid" || results[1][0].Outcome != hooks.Fail {
		t.Errorf("quick check results as the plugin received them: %+v", results)
	}
}
