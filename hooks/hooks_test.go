package hooks

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

// recorder collects what plugins saw and what was reported.
type recorder struct {
	mu       sync.Mutex
	calls    []string
	reported []error
}

func (r *recorder) add(s string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls = append(r.calls, s)
}

func (r *recorder) got() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.calls...)
}

func (r *recorder) errs() []error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]error(nil), r.reported...)
}

// capture redirects contained plugin failures to r for the test.
func capture(t *testing.T, r *recorder) {
	t.Helper()
	SetReporter(func(err error) {
		r.mu.Lock()
		defer r.mu.Unlock()
		r.reported = append(r.reported, err)
	})
	t.Cleanup(func() { SetReporter(nil) })
}

func register(t *testing.T, reg *Registry, name string, hs map[Hook]Handler, opts ...Option) {
	t.Helper()
	if reg == nil {
		reg = &global
	}
	un, err := reg.Register(name, hs, opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(un)
}

func observe(r *recorder, name string) Handler {
	return func(ctx context.Context, p Payload) Result {
		r.add(name + ":" + p.base().Hook.String())
		return Result{}
	}
}

func equal(t *testing.T, got, want []string) {
	t.Helper()
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("got  %q\nwant %q", got, want)
	}
}

func TestHookNamesAreMelleas(t *testing.T) {
	want := []string{
		"session_pre_init", "session_post_init", "session_reset", "session_cleanup",
		"component_pre_execute", "component_post_success", "component_post_error",
		"generation_pre_call", "generation_post_call", "generation_error",
		"streaming_start", "streaming_event", "streaming_end",
		"generation_event",       // mellea main's chunk_processed source
		"span_start", "span_end", // hookweave's own: a program's annotated functions
	}
	var got []string
	for _, h := range Hooks() {
		got = append(got, h.String())
		if back, ok := ParseHook(h.String()); !ok || back != h {
			t.Errorf("ParseHook(%q) = %v, %v", h, back, ok)
		}
	}
	equal(t, got, want)
}

func TestListening_FollowsRegistration(t *testing.T) {
	if Listening(SessionReset) {
		t.Fatal("listening before any registration")
	}
	un, err := Register("p", map[Hook]Handler{SessionReset: observe(&recorder{}, "p")})
	if err != nil {
		t.Fatal(err)
	}
	if !Listening(SessionReset) || Listening(SessionCleanup) {
		t.Fatal("mask does not follow the registered hook")
	}
	un()
	un() // a second call is harmless
	if Listening(SessionReset) {
		t.Fatal("still listening after unregister")
	}
}

func TestRegister_RejectsBadPlugins(t *testing.T) {
	h := map[Hook]Handler{SessionReset: observe(&recorder{}, "x")}
	cases := map[string]struct {
		name string
		hs   map[Hook]Handler
		opts []Option
		want string
	}{
		"no name":      {"", h, nil, "needs a name"},
		"no handlers":  {"x", nil, nil, "no handlers"},
		"unknown hook": {"x", map[Hook]Handler{Hook(99): observe(&recorder{}, "x")}, nil, "unknown hook"},
		"nil handler":  {"x", map[Hook]Handler{SessionReset: nil}, nil, "nil handler"},
		"unknown mode": {"x", h, []Option{WithMode(Mode(9))}, "unknown mode"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			r := NewRegistry()
			_, err := r.Register(c.name, c.hs, c.opts...)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want it to say %q", err, c.want)
			}
		})
	}
	r := NewRegistry()
	register(t, r, "dup", h)
	if _, err := r.Register("dup", h); err == nil {
		t.Fatal("a second plugin of the same name was accepted")
	}
}

func TestFire_PriorityOrderAcrossGlobalAndSession(t *testing.T) {
	var rec recorder
	sess := NewRegistry()
	register(t, nil, "global-late", map[Hook]Handler{SessionReset: observe(&rec, "global-late")}, WithPriority(90))
	register(t, nil, "global-default", map[Hook]Handler{SessionReset: observe(&rec, "global-default")})
	register(t, sess, "session-early", map[Hook]Handler{SessionReset: observe(&rec, "session-early")}, WithPriority(10))
	ctx := WithSession(context.Background(), "s1", sess)
	if err := Fire(ctx, SessionReset, &SessionPayload{}); err != nil {
		t.Fatal(err)
	}
	equal(t, rec.got(), []string{"session-early:session_reset", "global-default:session_reset", "global-late:session_reset"})

	rec.calls = nil
	Fire(context.Background(), SessionReset, &SessionPayload{})
	equal(t, rec.got(), []string{"global-default:session_reset", "global-late:session_reset"})
}

func TestFire_FillsBase(t *testing.T) {
	var seen Base
	register(t, nil, "p", map[Hook]Handler{SessionReset: func(_ context.Context, p Payload) Result {
		seen = *p.base()
		return Result{}
	}})
	before := time.Now()
	Fire(WithSession(context.Background(), "sess-7", nil), SessionReset, &SessionPayload{})
	if seen.Hook != SessionReset || seen.SessionID != "sess-7" || seen.Timestamp.Before(before) {
		t.Fatalf("base = %+v", seen)
	}
}

func TestModes_WritableFieldsOnly(t *testing.T) {
	var rec recorder
	capture(t, &rec)
	register(t, nil, "seq", map[Hook]Handler{GenerationPreCall: func(_ context.Context, p Payload) Result {
		g := p.(*GenerationPayload)
		g.ModelOptions = map[string]any{"temperature": 0.1}
		return Result{Payload: g}
	}}, WithPriority(1))
	register(t, nil, "sneaky", map[Hook]Handler{GenerationPreCall: func(_ context.Context, p Payload) Result {
		g := p.(*GenerationPayload)
		g.Model = "other-model"
		return Result{Payload: g}
	}}, WithPriority(2), WithMode(Transform))
	register(t, nil, "auditor", map[Hook]Handler{GenerationPreCall: func(_ context.Context, p Payload) Result {
		g := p.(*GenerationPayload)
		if g.ModelOptions["temperature"] != 0.1 {
			rec.add("auditor saw no change from seq")
		}
		g.ModelOptions = nil
		return Result{Payload: g}
	}}, WithPriority(3), WithMode(Audit))

	p := &GenerationPayload{Model: "m"}
	_, out, err := dispatch(context.Background(), GenerationPreCall, p, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	g := out.(*GenerationPayload)
	if g.Model != "m" || g.ModelOptions["temperature"] != 0.1 {
		t.Fatalf("payload after plugins = %+v", g)
	}
	if len(rec.got()) != 0 {
		t.Fatal(rec.got())
	}
	errs := rec.errs()
	if len(errs) != 2 ||
		!strings.Contains(errs[0].Error(), `plugin "sneaky" on generation_pre_call: changed read-only fields Model; those changes dropped`) ||
		!strings.Contains(errs[1].Error(), `plugin "auditor" on generation_pre_call: a audit plugin may not change the payload`) {
		t.Fatalf("reported %v", errs)
	}
}

func TestModes_ObserveOnlyHookRejectsChanges(t *testing.T) {
	var rec recorder
	capture(t, &rec)
	register(t, nil, "p", map[Hook]Handler{StreamingEnd: func(_ context.Context, p Payload) Result {
		e := p.(*StreamingEndPayload)
		e.Success = true
		return Result{Payload: e}
	}})
	p := &StreamingEndPayload{Success: false}
	Fire(context.Background(), StreamingEnd, p)
	if p.Success {
		t.Fatal("an observe-only payload was changed")
	}
	if errs := rec.errs(); len(errs) != 1 || !strings.Contains(errs[0].Error(), "streaming_end is observe-only") {
		t.Fatalf("reported %v", errs)
	}
}

func TestModes_Blocking(t *testing.T) {
	var rec recorder
	capture(t, &rec)
	register(t, nil, "transformer", map[Hook]Handler{ComponentPreExecute: func(context.Context, Payload) Result {
		return Result{Block: &Violation{Reason: "ignored"}}
	}}, WithMode(Transform), WithPriority(1))
	register(t, nil, "guard", map[Hook]Handler{ComponentPreExecute: func(context.Context, Payload) Result {
		return Result{Block: &Violation{Reason: "no instructions on Sundays", Code: "E1"}}
	}}, WithPriority(2))
	register(t, nil, "after", map[Hook]Handler{ComponentPreExecute: observe(&rec, "after")}, WithPriority(3))

	err := Fire(context.Background(), ComponentPreExecute, &ComponentPayload{})
	var b *BlockedError
	if !errors.As(err, &b) || b.Plugin != "guard" || b.Hook != ComponentPreExecute || b.Code != "E1" {
		t.Fatalf("err = %v", err)
	}
	if want := "plugin guard blocked component_pre_execute: [E1] no instructions on Sundays"; err.Error() != want {
		t.Fatalf("err = %q, want %q", err, want)
	}
	if len(rec.got()) != 0 {
		t.Fatal("a plugin after the blocking one ran:", rec.got())
	}
	if errs := rec.errs(); len(errs) != 0 {
		t.Fatalf("the transform group ran after a sequential block: reported %v", errs)
	}
}

func TestModes_ConcurrentMayBlockButNotModify(t *testing.T) {
	var rec recorder
	capture(t, &rec)
	var wg sync.WaitGroup
	wg.Add(2)
	both := func(block bool) Handler {
		return func(_ context.Context, p Payload) Result {
			wg.Done()
			wg.Wait() // both run at once, or this deadlocks
			if block {
				return Result{Block: &Violation{Reason: "nope"}}
			}
			g := p.(*GenerationPayload)
			g.ModelOptions = map[string]any{"x": 1}
			return Result{Payload: g}
		}
	}
	register(t, nil, "c1", map[Hook]Handler{GenerationPreCall: both(false)}, WithMode(Concurrent))
	register(t, nil, "c2", map[Hook]Handler{GenerationPreCall: both(true)}, WithMode(Concurrent))
	p := &GenerationPayload{}
	err := Fire(context.Background(), GenerationPreCall, p)
	var b *BlockedError
	if !errors.As(err, &b) || b.Plugin != "c2" {
		t.Fatalf("err = %v", err)
	}
	if p.ModelOptions != nil {
		t.Fatal("a concurrent plugin changed the payload")
	}
	if errs := rec.errs(); len(errs) != 1 || !strings.Contains(errs[0].Error(), "concurrent plugin may not change") {
		t.Fatalf("reported %v", errs)
	}
}

func TestModes_FireAndForgetRunsLastOnASnapshot(t *testing.T) {
	var rec recorder
	started := make(chan struct{})
	release := make(chan struct{})
	register(t, nil, "ff", map[Hook]Handler{SessionReset: func(_ context.Context, p Payload) Result {
		close(started)
		<-release
		rec.add("ff:" + p.(*SessionPayload).ModelID)
		return Result{}
	}}, WithMode(FireAndForget), WithPriority(0))
	register(t, nil, "seq", map[Hook]Handler{SessionReset: observe(&rec, "seq")}, WithPriority(99))
	p := &SessionPayload{ModelID: "m1"}
	if err := Fire(context.Background(), SessionReset, p); err != nil {
		t.Fatal(err)
	}
	<-started
	p.ModelID = "changed after dispatch"
	equal(t, rec.got(), []string{"seq:session_reset"})
	close(release)
	if err := Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	equal(t, rec.got(), []string{"seq:session_reset", "ff:m1"})
}

func TestContainment_PanickingPluginIsReported(t *testing.T) {
	var rec recorder
	capture(t, &rec)
	register(t, nil, "boom", map[Hook]Handler{SessionReset: func(context.Context, Payload) Result { panic("kaput") }}, WithPriority(1))
	register(t, nil, "next", map[Hook]Handler{SessionReset: observe(&rec, "next")}, WithPriority(2))
	if err := Fire(context.Background(), SessionReset, &SessionPayload{}); err != nil {
		t.Fatal(err)
	}
	equal(t, rec.got(), []string{"next:session_reset"})
	errs := rec.errs()
	var pe *PluginError
	var panicErr *PanicError
	if len(errs) != 1 || !errors.As(errs[0], &pe) || pe.Plugin != "boom" || !errors.As(errs[0], &panicErr) || panicErr.Value != "kaput" {
		t.Fatalf("reported %v", errs)
	}
}

func TestContainment_SlowPluginOverrunsItsTimeout(t *testing.T) {
	var rec recorder
	capture(t, &rec)
	release := make(chan struct{})
	register(t, nil, "slow", map[Hook]Handler{ComponentPreExecute: func(context.Context, Payload) Result {
		<-release
		return Result{Block: &Violation{Reason: "too late to count"}}
	}}, WithTimeout(10*time.Millisecond))
	if err := Fire(context.Background(), ComponentPreExecute, &ComponentPayload{}); err != nil {
		t.Fatalf("a plugin past its timeout still blocked: %v", err)
	}
	if errs := rec.errs(); len(errs) != 1 || !strings.Contains(errs[0].Error(), `plugin "slow" on component_pre_execute: overran its time bound of 10ms; result ignored`) {
		t.Fatalf("reported %v", errs)
	}
	close(release)
	if err := Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func TestEmitEvent_QuickCheckCarriesActiveRequirements(t *testing.T) {
	var got []*StreamingEventPayload
	register(t, nil, "p", map[Hook]Handler{StreamingEvent: func(_ context.Context, p Payload) Result {
		got = append(got, p.(*StreamingEventPayload))
		return Result{}
	}})
	active := []string{"MaxWords", "Forbid"}
	EmitEvent(context.Background(), "st1", QuickCheckEvent{ChunkIndex: 0, Attempt: 1, Passed: true}, active)
	EmitEvent(context.Background(), "st1", ChunkEvent{Text: "Hi.", ChunkIndex: 0, Attempt: 1}, active)
	if len(got) != 2 || got[0].StreamingID != "st1" || len(got[0].Requirements) != 2 || len(got[1].Requirements) != 0 {
		t.Fatalf("events = %+v", got)
	}
	if got[0].Event.EventName() != "quick_check" || got[1].Event.EventName() != "chunk" {
		t.Fatal("event names")
	}
}

func TestErrorCategoryAndType(t *testing.T) {
	base := &categorized{"rate_limit"}
	wrapped := errors.Join(errors.New("x"), base)
	if got := ErrorCategory(wrapped); got != CategoryRateLimit {
		t.Errorf("category = %q", got)
	}
	if got := ErrorCategory(context.DeadlineExceeded); got != CategoryTimeout {
		t.Errorf("deadline category = %q", got)
	}
	if got := ErrorCategory(errors.New("x")); got != CategoryUnknown {
		t.Errorf("plain category = %q", got)
	}
	for _, tt := range []struct {
		err  error
		want string
	}{
		{fmtWrap(&kinded{"RateLimitError"}), "RateLimitError"},
		{errors.New("x"), KindOther},
		{fmtWrap(base), KindOther},
		{fmt.Errorf("stop: %w", ErrCancelled), KindCancelled},
		{fmtWrap(context.Canceled), KindCancelled},
		{fmtWrap(context.DeadlineExceeded), KindDeadline},
		{&PanicError{Value: 1}, KindPanic},
		// A cancellation wins over the kind of what it stopped.
		{fmt.Errorf("%w: %w", ErrCancelled, &kinded{"RateLimitError"}), KindCancelled},
	} {
		if got := ErrorKind(tt.err); got != tt.want {
			t.Errorf("ErrorKind(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
	if ErrorCategory(nil) != "" || ErrorKind(nil) != "" {
		t.Error("nil error has a category or type")
	}
}

type kinded struct{ k string }

func (k *kinded) Error() string     { return k.k }
func (k *kinded) ErrorKind() string { return k.k }

type categorized struct{ c string }

func (c *categorized) Error() string         { return c.c }
func (c *categorized) ErrorCategory() string { return c.c }
