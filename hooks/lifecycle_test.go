package hooks

import (
	"context"
	"errors"
	"fmt"
	"testing"
)

type streamSubject struct {
	id      string
	amended Payload
}

func (s *streamSubject) StreamingStart() StreamingStartPayload {
	return StreamingStartPayload{StreamingID: s.id, HasRequirements: true, RequirementCount: 2, ChunkingStrategy: "sentence"}
}

func (s *streamSubject) StreamingEnd(err error) StreamingEndPayload {
	return StreamingEndPayload{Success: err == nil, Err: err, FullTextLength: 5}
}

func fmtWrap(err error) error { return fmt.Errorf("wrapped: %w", err) }

type ctxKey struct{}

// lifecycleRecorder registers start and end handlers for the streaming
// lifecycle; the start handler derives the context.
func lifecycleRecorder(t *testing.T) *[]Payload {
	var seen []Payload
	register(t, nil, "rec", map[Hook]Handler{
		StreamingStart: func(ctx context.Context, p Payload) Result {
			seen = append(seen, p)
			return Result{Context: context.WithValue(ctx, ctxKey{}, "span")}
		},
		StreamingEnd: func(ctx context.Context, p Payload) Result {
			if ctx.Value(ctxKey{}) != "span" {
				t.Error("the end hook did not get the context the start hook derived")
			}
			seen = append(seen, p)
			return Result{}
		},
	})
	return &seen
}

// woven is what hookweave makes of an annotated function.
func woven(ctx context.Context, s *streamSubject, body func(ctx context.Context) error) (err error) {
	ctx, call, hookErr := BeginStreaming(ctx, s)
	if hookErr != nil {
		err = hookErr
		return
	}
	defer func() { err = call.End(recover(), err) }()
	return body(ctx)
}

func TestLifecycle_StartAndOneEndPairedByID(t *testing.T) {
	seen := lifecycleRecorder(t)
	var inside any
	err := woven(context.Background(), &streamSubject{}, func(ctx context.Context) error {
		inside = ctx.Value(ctxKey{})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if inside != "span" {
		t.Fatal("the body did not run under the derived context")
	}
	if len(*seen) != 2 {
		t.Fatalf("fired %d hooks, want start and end", len(*seen))
	}
	start, end := (*seen)[0].(*StreamingStartPayload), (*seen)[1].(*StreamingEndPayload)
	if start.StreamingID == "" || start.StreamingID != end.StreamingID {
		t.Fatalf("ids %q / %q do not pair", start.StreamingID, end.StreamingID)
	}
	if !end.Success || end.Hook != StreamingEnd || start.RequirementCount != 2 {
		t.Fatalf("payloads %+v %+v", start, end)
	}
}

func TestLifecycle_ErrorReachesTheEndHook(t *testing.T) {
	seen := lifecycleRecorder(t)
	boom := errors.New("boom")
	err := woven(context.Background(), &streamSubject{id: "given"}, func(context.Context) error { return boom })
	if err != boom {
		t.Fatalf("err = %v", err)
	}
	end := (*seen)[1].(*StreamingEndPayload)
	if end.Success || end.Err != boom || end.StreamingID != "given" {
		t.Fatalf("end = %+v", end)
	}
}

func TestLifecycle_PanicFiresEndThenPanicsAgain(t *testing.T) {
	seen := lifecycleRecorder(t)
	defer func() {
		if r := recover(); r != "kaput" {
			t.Fatalf("recovered %v, want the original panic value", r)
		}
		if len(*seen) != 2 {
			t.Fatalf("fired %d hooks", len(*seen))
		}
		var pe *PanicError
		if end := (*seen)[1].(*StreamingEndPayload); !errors.As(end.Err, &pe) || pe.Value != "kaput" {
			t.Fatalf("end = %+v", end)
		}
	}()
	woven(context.Background(), &streamSubject{}, func(context.Context) error { panic("kaput") })
}

func TestLifecycle_BlockedStartSkipsTheBodyAndStillEnds(t *testing.T) {
	var ends int
	register(t, nil, "guard", map[Hook]Handler{
		ComponentPreExecute:  func(context.Context, Payload) Result { return Result{Block: &Violation{Reason: "denied"}} },
		ComponentPostError:   func(context.Context, Payload) Result { ends++; return Result{} },
		ComponentPostSuccess: func(context.Context, Payload) Result { t.Error("success hook fired"); return Result{} },
	})
	_, call, err := BeginComponent(context.Background(), componentSubject{})
	var b *BlockedError
	if !errors.As(err, &b) || call != nil {
		t.Fatalf("err = %v, call = %v", err, call)
	}
	if ends != 1 {
		t.Fatalf("end hooks fired %d times, want 1", ends)
	}
}

type componentSubject struct{}

func (componentSubject) ComponentStart() ComponentPayload {
	return ComponentPayload{ComponentType: "Instruction"}
}
func (componentSubject) ComponentEnd(err error) ComponentPayload {
	return ComponentPayload{Err: err}
}

func TestLifecycle_EndFiresOnce(t *testing.T) {
	seen := lifecycleRecorder(t)
	_, call, err := BeginStreaming(context.Background(), &streamSubject{})
	if err != nil {
		t.Fatal(err)
	}
	call.End(nil, nil)
	call.End(nil, errors.New("again"))
	if len(*seen) != 2 {
		t.Fatalf("fired %d hooks, want 2", len(*seen))
	}
}

func TestLifecycle_NobodyListeningIsANoOp(t *testing.T) {
	ctx := context.Background()
	got, call, err := BeginStreaming(ctx, &streamSubject{})
	if got != ctx || call != nil || err != nil {
		t.Fatal("a lifecycle nobody listens to did something")
	}
	if err := call.End(nil, nil); err != nil {
		t.Fatal(err)
	}
}

func TestLifecycle_SessionScopesItsPlugins(t *testing.T) {
	reg := NewRegistry()
	var ids []string
	register(t, reg, "own", map[Hook]Handler{
		SessionPostInit: func(_ context.Context, p Payload) Result {
			ids = append(ids, p.(*SessionPayload).SessionID)
			return Result{}
		},
		SessionReset: func(_ context.Context, p Payload) Result {
			ids = append(ids, p.(*SessionPayload).SessionID)
			return Result{}
		},
	})
	ctx, call, err := BeginSession(context.Background(), &sessionSubject{reg: reg})
	if err != nil {
		t.Fatal(err)
	}
	Fire(ctx, SessionReset, &SessionPayload{})
	call.End(nil, nil)
	Fire(context.Background(), SessionReset, &SessionPayload{}) // outside the session: not seen
	if len(ids) != 2 || ids[0] == "" || ids[0] != ids[1] || SessionID(ctx) != ids[0] {
		t.Fatalf("ids = %q, ctx session %q", ids, SessionID(ctx))
	}
}

type sessionSubject struct{ reg *Registry }

func (s *sessionSubject) SessionStart() SessionPayload        { return SessionPayload{Backend: "scripted"} }
func (s *sessionSubject) SessionEnd(err error) SessionPayload { return SessionPayload{Err: err} }
func (s *sessionSubject) Plugins() *Registry                  { return s.reg }

func TestLifecycle_AmenderReceivesChangedWritableFields(t *testing.T) {
	register(t, nil, "opts", map[Hook]Handler{GenerationPreCall: func(_ context.Context, p Payload) Result {
		g := p.(*GenerationPayload)
		g.ModelOptions = map[string]any{"temperature": 0.0}
		return Result{Payload: g}
	}})
	s := &genSubject{}
	if _, _, err := BeginGeneration(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	if s.options["temperature"] != 0.0 {
		t.Fatalf("amended options = %v", s.options)
	}
}

type genSubject struct{ options map[string]any }

func (s *genSubject) GenerationStart() GenerationPayload { return GenerationPayload{Model: "m"} }
func (s *genSubject) GenerationEnd(err error) GenerationPayload {
	return GenerationPayload{Err: err}
}
func (s *genSubject) Amend(p Payload) { s.options = p.(*GenerationPayload).ModelOptions }

func TestShutdown_RunsJoinedFunctionsOnceInReverse(t *testing.T) {
	var order []string
	OnShutdown(func(context.Context) error { order = append(order, "first"); return nil })
	OnShutdown(func(context.Context) error { order = append(order, "second"); return errors.New("flush failed") })
	err := Shutdown(context.Background())
	if err == nil || err.Error() != "flush failed" {
		t.Fatalf("err = %v", err)
	}
	if err := Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	equal(t, order, []string{"second", "first"})
}

// TestShutdownMain_ReportsAFailedFlush: the shutdown a woven main defers
// hands a failure to the reporter, like any contained plugin failure, and
// gives the joined functions a bounded context.
func TestShutdownMain_ReportsAFailedFlush(t *testing.T) {
	r := &recorder{}
	capture(t, r)
	var bounded bool
	OnShutdown(func(ctx context.Context) error {
		_, bounded = ctx.Deadline()
		return errors.New("telemetry: flushing spans: unreachable")
	})
	ShutdownMain()
	errs := r.errs()
	if len(errs) != 1 || errs[0].Error() != "telemetry: flushing spans: unreachable" {
		t.Fatalf("reported %v", errs)
	}
	if !bounded {
		t.Error("the shutdown context has no deadline")
	}
}

func TestWoven_FalseInAPlainBuild(t *testing.T) {
	if Woven() != (WovenBy() != "") {
		t.Fatal("Woven and WovenBy disagree")
	}
}
