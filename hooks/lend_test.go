package hooks

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hookweave/hookweave/internal/race"
)

// TestEmitEvent_LendsOnlyWhenEveryReaderBorrows checks which dispatches
// may lend their payload: every audit plugin, which reads the payload
// itself, must borrow it and run on the caller's goroutine; plugins that
// get a copy (modifying, concurrent, fire-and-forget) do not matter.
func TestEmitEvent_LendsOnlyWhenEveryReaderBorrows(t *testing.T) {
	p := func(m Mode, borrows bool, timeout time.Duration) entry {
		return entry{p: &plugin{mode: m, borrows: borrows, timeout: timeout}}
	}
	for _, c := range []struct {
		name                 string
		es                   []entry
		wantLend, wantDirect bool
	}{
		{"no plugin", nil, true, true},
		{"one borrowing audit plugin", []entry{p(Audit, true, 0)}, true, true},
		{"an audit plugin that keeps payloads", []entry{p(Audit, true, 0), p(Audit, false, 0)}, false, true},
		{"a bounded borrowing audit plugin", []entry{p(Audit, true, time.Second)}, false, false},
		{"copies for the others", []entry{p(Sequential, false, time.Second), p(Transform, false, 0), p(Audit, true, 0), p(Concurrent, false, time.Second), p(FireAndForget, false, 0)}, true, false},
		{"one unbounded concurrent plugin", []entry{p(Audit, true, 0), p(Concurrent, false, 0)}, true, false},
	} {
		// direct: every plugin an unbounded audit one, run by observeAll
		if lend, direct := lendable(c.es); lend != c.wantLend || direct != c.wantDirect {
			t.Errorf("%s: lendable = %v, %v; want %v, %v", c.name, lend, direct, c.wantLend, c.wantDirect)
		}
	}
}

// TestEmitEvent_AuditPlugins checks a streaming_event read by audit
// plugins only, as the telemetry plugins are: each called in order on the
// event with its hook and session set, a change or a block reported and
// ignored, a panic contained, and the plugins after them still called.
func TestEmitEvent_AuditPlugins(t *testing.T) {
	var rec recorder
	capture(t, &rec)
	seen := func(name string) Handler {
		return func(_ context.Context, p Payload) Result {
			e := p.(*StreamingEventPayload)
			rec.add(fmt.Sprintf("%s:%s:%s:%s:%v", name, e.Hook, e.SessionID, e.StreamingID, !e.Timestamp.IsZero()))
			return Result{}
		}
	}
	register(t, nil, "changer", map[Hook]Handler{StreamingEvent: func(_ context.Context, p Payload) Result {
		c := *p.(*StreamingEventPayload)
		c.StreamingID = "changed"
		return Result{Payload: &c}
	}}, WithMode(Audit), WithTimeout(0))
	register(t, nil, "first", map[Hook]Handler{StreamingEvent: seen("first")}, WithMode(Audit), WithTimeout(0), WithBorrowedPayloads())
	register(t, nil, "blocker", map[Hook]Handler{StreamingEvent: func(context.Context, Payload) Result {
		return Result{Block: &Violation{Reason: "no"}}
	}}, WithMode(Audit), WithTimeout(0))
	register(t, nil, "panicker", map[Hook]Handler{StreamingEvent: func(context.Context, Payload) Result { panic("boom") }},
		WithMode(Audit), WithTimeout(0))
	register(t, nil, "last", map[Hook]Handler{StreamingEvent: seen("last")}, WithMode(Audit), WithTimeout(0))
	reg := new(Registry)
	ctx := WithSession(context.Background(), "session-1", reg)
	EmitEvent(ctx, "stream-1", ChunkEvent{Text: "Hi."}, nil)

	equal(t, rec.got(), []string{"first:streaming_event:session-1:stream-1:true", "last:streaming_event:session-1:stream-1:true"})
	errs := rec.errs()
	if len(errs) != 3 ||
		!strings.Contains(errs[0].Error(), `plugin "changer" on streaming_event: a audit plugin may not change the payload`) ||
		!strings.Contains(errs[1].Error(), `plugin "blocker" on streaming_event: a audit plugin may not block`) ||
		!strings.Contains(errs[2].Error(), `plugin "panicker" on streaming_event`) || !strings.Contains(errs[2].Error(), "boom") {
		t.Fatalf("reported %v", errs)
	}
}

// TestEmitEvent_KeptPayloadsStayIntact checks that a plugin which keeps
// the payloads it is given, as a recorder does, finds each as it was, also
// when a borrowing plugin listens too.
func TestEmitEvent_KeptPayloadsStayIntact(t *testing.T) {
	var kept []*StreamingEventPayload
	un, err := Register("keeper", map[Hook]Handler{StreamingEvent: func(_ context.Context, p Payload) Result {
		kept = append(kept, p.(*StreamingEventPayload))
		return Result{}
	}}, WithMode(Audit), WithTimeout(0))
	if err != nil {
		t.Fatal(err)
	}
	defer un()
	un2, err := Register("borrower", map[Hook]Handler{StreamingEvent: func(context.Context, Payload) Result { return Result{} }},
		WithMode(Audit), WithTimeout(0), WithBorrowedPayloads())
	if err != nil {
		t.Fatal(err)
	}
	defer un2()
	for i := range 10 {
		EmitEvent(context.Background(), fmt.Sprint("stream-", i), ChunkEvent{ChunkIndex: i}, nil)
	}
	if len(kept) != 10 {
		t.Fatalf("the keeper saw %d events, want 10", len(kept))
	}
	for i, p := range kept {
		if want := fmt.Sprint("stream-", i); p.StreamingID != want || p.Event.(ChunkEvent).ChunkIndex != i || p.Hook != StreamingEvent {
			t.Errorf("kept payload %d = %+v, want stream %s, chunk %d", i, p, want, i)
		}
	}
}

// TestEmitEvent_BorrowersPayloadNoAllocation checks that the payload of an event
// that only borrowing plugins read costs no allocation, and that each
// handler still sees its own event in full; run with -race, the
// concurrent streams show that no two dispatches share a payload.
func TestEmitEvent_BorrowersPayloadNoAllocation(t *testing.T) {
	var (
		mu  sync.Mutex
		bad []string
	)
	un, err := Register("borrower", map[Hook]Handler{StreamingEvent: func(_ context.Context, p Payload) Result {
		e := p.(*StreamingEventPayload)
		var ok bool
		switch ev := e.Event.(type) {
		case QuickCheckEvent:
			ok = len(e.Requirements) == 1 && e.Requirements[0] == "MaxWords"
		case ChunkEvent:
			ok = ev.Text == e.StreamingID && e.Requirements == nil
		}
		if !ok || e.Hook != StreamingEvent || e.Timestamp.IsZero() {
			mu.Lock()
			bad = append(bad, fmt.Sprintf("%+v", e))
			mu.Unlock()
		}
		return Result{}
	}}, WithMode(Audit), WithTimeout(0), WithBorrowedPayloads())
	if err != nil {
		t.Fatal(err)
	}
	defer un()

	var ev Event = ChunkEvent{Text: "s"}
	if n := testing.AllocsPerRun(100, func() { EmitEvent(context.Background(), "s", ev, nil) }); n != 0 && !race.Enabled {
		t.Errorf("an event read by borrowers only costs %v allocations, want 0", n)
	}
	// A quick-check event's names must not stay on the lent payload for
	// the chunk events after it.
	EmitEvent(context.Background(), "q", QuickCheckEvent{}, []string{"MaxWords"})

	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 200 {
				id := fmt.Sprintf("g%d-%d", g, i)
				EmitEvent(context.Background(), id, ChunkEvent{Text: id}, nil)
			}
		})
	}
	wg.Wait()
	if len(bad) > 0 {
		t.Errorf("%d events were seen wrong, such as %s", len(bad), bad[0])
	}
}
