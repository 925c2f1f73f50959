package hooks

import (
	"context"
	"errors"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
)

// siteWork is what hookweave declares for a function annotated
// //mellea:hook span name=work.
var siteWork = SpanSite{Name: "work", Function: "github.com/hookweave/hookweave/hooks.wovenSpan", Line: 22}

// wovenSpan is what hookweave makes of
//
//	//mellea:hook span name=work
//	func wovenSpan(ctx context.Context, body func(context.Context) error) error
//
// with tracedSpan, its traced copy.
func wovenSpan(ctx context.Context, body func(context.Context) error) (err error) {
	if SpanListening() {
		return tracedSpan(ctx, body)
	}
	return body(ctx)
}

func tracedSpan(ctx context.Context, body func(context.Context) error) (err error) {
	var call *Call
	ctx, call = BeginSpan(ctx, &siteWork)
	defer func() { call.End(recover(), err) }()
	return body(ctx)
}

var siteCount = SpanSite{Name: "count", Function: "github.com/hookweave/hookweave/hooks.wovenCount", Line: 40}

// wovenCount is a woven function whose last result is not an error: only a
// panic is its span's outcome.
func wovenCount(ctx context.Context, body func(context.Context) int) int {
	if SpanListening() {
		return tracedCount(ctx, body)
	}
	return body(ctx)
}

func tracedCount(ctx context.Context, body func(context.Context) int) int {
	var call *Call
	ctx, call = BeginSpan(ctx, &siteCount)
	defer func() { call.End(recover(), nil) }()
	return body(ctx)
}

// spanRecorder records the span payloads; its start handler derives the
// context, as a tracing plugin does, and the end handler checks that it
// gets that context back.
type spanRecorder struct {
	mu       sync.Mutex
	payloads []*SpanPayload
}

type spanCtxKey struct{}

func recordSpans(t *testing.T, opts ...Option) *spanRecorder {
	t.Helper()
	r := &spanRecorder{}
	register(t, nil, "spans", map[Hook]Handler{
		SpanStart: func(ctx context.Context, p Payload) Result {
			s := r.add(p)
			return Result{Context: context.WithValue(ctx, spanCtxKey{}, s.SpanID)}
		},
		SpanEnd: func(ctx context.Context, p Payload) Result {
			s := r.add(p)
			if got := ctx.Value(spanCtxKey{}); got != s.SpanID {
				t.Errorf("span_end of %s got the context of span %v", s.SpanID, got)
			}
			return Result{}
		},
	}, opts...)
	return r
}

func (r *spanRecorder) add(p Payload) *SpanPayload {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := p.(*SpanPayload)
	r.payloads = append(r.payloads, s)
	return s
}

func (r *spanRecorder) got() []*SpanPayload {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]*SpanPayload(nil), r.payloads...)
}

// pair returns the start and end payloads of the only span recorded.
func (r *spanRecorder) pair(t *testing.T) (start, end *SpanPayload) {
	t.Helper()
	ps := r.got()
	if len(ps) != 2 || ps[0].Hook != SpanStart || ps[1].Hook != SpanEnd {
		var hooks []Hook
		for _, p := range ps {
			hooks = append(hooks, p.Hook)
		}
		t.Fatalf("fired %v, want span_start then span_end", hooks)
	}
	if ps[0].SpanID == "" || ps[0].SpanID != ps[1].SpanID {
		t.Fatalf("span ids %q / %q do not pair", ps[0].SpanID, ps[1].SpanID)
	}
	return ps[0], ps[1]
}

func TestSpan_StartAndOneEndCarryTheSite(t *testing.T) {
	r := recordSpans(t)
	var inside any
	err := wovenSpan(WithSession(context.Background(), "sess-1", nil), func(ctx context.Context) error {
		inside = ctx.Value(spanCtxKey{})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	start, end := r.pair(t)
	if inside != start.SpanID {
		t.Errorf("the body ran under the context of span %v, want the start hook's %s", inside, start.SpanID)
	}
	_, file, _, _ := runtime.Caller(0)
	for _, p := range []*SpanPayload{start, end} {
		if p.Name != "work" || p.Function != siteWork.Function || p.Line != 22 || p.SessionID != "sess-1" {
			t.Errorf("%s payload %+v", p.Hook, p)
		}
		if p.File != file || filepath.Base(p.File) != "span_test.go" {
			t.Errorf("%s file %q, want the woven function's %q", p.Hook, p.File, file)
		}
		if p.Timestamp.IsZero() {
			t.Errorf("%s has no timestamp", p.Hook)
		}
	}
	if end.Err != nil || end.ErrorKind != "" {
		t.Errorf("end of a successful call: %+v", end)
	}
}

func TestSpan_ReturnedErrorIsTheOutcome(t *testing.T) {
	r := recordSpans(t)
	boom := errors.New("boom")
	if err := wovenSpan(context.Background(), func(context.Context) error { return boom }); err != boom {
		t.Fatalf("the function returned %v, want its own error", err)
	}
	_, end := r.pair(t)
	if end.Err != boom || end.ErrorKind != KindOther {
		t.Fatalf("end = %+v, want the returned error of kind %s", end, KindOther)
	}
}

func TestSpan_PanicEndsTheSpanThenPanicsAgain(t *testing.T) {
	r := recordSpans(t)
	defer func() {
		if v := recover(); v != "kaput" {
			t.Fatalf("recovered %v, want the original panic value", v)
		}
		_, end := r.pair(t)
		var pe *PanicError
		if !errors.As(end.Err, &pe) || pe.Value != "kaput" || end.ErrorKind != KindPanic {
			t.Fatalf("end = %+v, want a *PanicError of kind %s", end, KindPanic)
		}
	}()
	wovenCount(context.Background(), func(context.Context) int { panic("kaput") })
	t.Fatal("the panic did not go on")
}

func TestSpan_WithoutErrorResultOnlyAPanicIsTheOutcome(t *testing.T) {
	r := recordSpans(t)
	if n := wovenCount(context.Background(), func(context.Context) int { return 7 }); n != 7 {
		t.Fatalf("returned %d", n)
	}
	if _, end := r.pair(t); end.Err != nil || end.Name != "count" {
		t.Fatalf("end = %+v", end)
	}
}

// TestSpan_GoexitEndsTheSpanAndTheGoroutine: runtime.Goexit (t.FailNow in
// a helper, for one) runs the deferred end hook, and the goroutine still
// exits: nothing after Goexit runs.
func TestSpan_GoexitEndsTheSpanAndTheGoroutine(t *testing.T) {
	r := recordSpans(t)
	after := false
	done := make(chan struct{})
	go func() {
		defer close(done)
		wovenSpan(context.Background(), func(context.Context) error {
			runtime.Goexit()
			return nil
		})
		after = true
	}()
	<-done
	if after {
		t.Fatal("the goroutine went on after Goexit")
	}
	if _, end := r.pair(t); end.Err != nil {
		t.Fatalf("end = %+v", end)
	}
}

// TestSpan_RecursionNests: each call of a recursive function is a span of
// its own, under the context of the call that made it.
func TestSpan_RecursionNests(t *testing.T) {
	r := recordSpans(t)
	var parents []any
	var depth func(ctx context.Context) error
	n := 0
	depth = func(ctx context.Context) error {
		return wovenSpan(ctx, func(ctx context.Context) error {
			parents = append(parents, ctx.Value(spanCtxKey{}))
			if n++; n < 3 {
				return depth(ctx)
			}
			return nil
		})
	}
	if err := depth(context.Background()); err != nil {
		t.Fatal(err)
	}
	ps := r.got()
	if len(ps) != 6 {
		t.Fatalf("fired %d hooks, want 3 starts and 3 ends", len(ps))
	}
	for i := range 3 {
		if ps[i].Hook != SpanStart || ps[5-i].Hook != SpanEnd || ps[i].SpanID != ps[5-i].SpanID {
			t.Fatalf("hook %d: %s %s, hook %d: %s %s: spans do not nest", i, ps[i].Hook, ps[i].SpanID, 5-i, ps[5-i].Hook, ps[5-i].SpanID)
		}
		if parents[i] != ps[i].SpanID {
			t.Errorf("call %d ran under span %v, want %s", i, parents[i], ps[i].SpanID)
		}
	}
}

func TestSpan_EndFiresOnce(t *testing.T) {
	r := recordSpans(t)
	_, call := BeginSpan(context.Background(), &siteWork)
	call.End(nil, nil)
	call.End(nil, errors.New("again"))
	r.pair(t)
}

// TestSpan_ObserveOnlyAndNotBlockable: a plugin cannot stop a function of
// the program nor change what its span reports.
func TestSpan_ObserveOnlyAndNotBlockable(t *testing.T) {
	var rec recorder
	capture(t, &rec)
	register(t, nil, "meddler", map[Hook]Handler{SpanStart: func(_ context.Context, p Payload) Result {
		q := *p.(*SpanPayload)
		q.Name = "renamed"
		return Result{Block: &Violation{Reason: "no"}, Payload: &q}
	}})
	r := recordSpans(t, WithMode(Audit))
	ran := false
	if err := wovenSpan(context.Background(), func(context.Context) error { ran = true; return nil }); err != nil || !ran {
		t.Fatalf("err = %v, body ran: %v", err, ran)
	}
	if start, _ := r.pair(t); start.Name != "work" {
		t.Errorf("a plugin renamed the span to %q", start.Name)
	}
	if Blockable(SpanStart) || Blockable(SpanEnd) || Writable(SpanStart) != nil || Writable(SpanEnd) != nil {
		t.Error("span_start or span_end is blockable or writable")
	}
	if len(rec.errs()) != 2 {
		t.Errorf("reported %v, want the change and the block", rec.errs())
	}
}

func TestSpan_NobodyListeningIsANoOp(t *testing.T) {
	if SpanListening() {
		t.Fatal("listening with no plugin registered")
	}
	ctx := context.Background()
	got, call := BeginSpan(ctx, &siteWork)
	if got != ctx || call != nil {
		t.Fatal("a span nobody listens to did something")
	}
	call.End(nil, nil)
	if n := testing.AllocsPerRun(100, func() { wovenSpan(ctx, func(context.Context) error { return nil }) }); n != 0 {
		t.Errorf("a woven function nobody listens to allocates %v times per call", n)
	}
}

func TestSpan_ListeningToEitherHook(t *testing.T) {
	for _, h := range []Hook{SpanStart, SpanEnd} {
		un, err := Register("one", map[Hook]Handler{h: func(context.Context, Payload) Result { return Result{} }})
		if err != nil {
			t.Fatal(err)
		}
		if !SpanListening() {
			t.Errorf("a plugin of %s is not seen by SpanListening", h)
		}
		un()
	}
	if SpanListening() {
		t.Error("still listening after unregister")
	}
}
