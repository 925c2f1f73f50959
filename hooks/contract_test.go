package hooks

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestModes_GroupsRunInMelleasOrderEachByPriority(t *testing.T) {
	var rec recorder
	// One plugin of each mode, at priorities that interleave the groups: a
	// priority-sorted dispatch would run them in the reverse order.
	register(t, nil, "fire-and-forget", map[Hook]Handler{SessionReset: observe(&rec, "fire_and_forget")}, WithMode(FireAndForget), WithPriority(1))
	register(t, nil, "concurrent", map[Hook]Handler{SessionReset: observe(&rec, "concurrent")}, WithMode(Concurrent), WithPriority(2))
	register(t, nil, "audit", map[Hook]Handler{SessionReset: observe(&rec, "audit")}, WithMode(Audit), WithPriority(3))
	register(t, nil, "transform", map[Hook]Handler{SessionReset: observe(&rec, "transform")}, WithMode(Transform), WithPriority(4))
	register(t, nil, "sequential", map[Hook]Handler{SessionReset: observe(&rec, "sequential")}, WithMode(Sequential), WithPriority(5))
	// Within a group: priority first (default 50), registration order on ties.
	register(t, nil, "seq-tie-1", map[Hook]Handler{SessionReset: observe(&rec, "seq-tie-1")})
	register(t, nil, "seq-tie-2", map[Hook]Handler{SessionReset: observe(&rec, "seq-tie-2")})
	register(t, nil, "seq-first", map[Hook]Handler{SessionReset: observe(&rec, "seq-first")}, WithPriority(0))

	if err := Fire(context.Background(), SessionReset, &SessionPayload{}); err != nil {
		t.Fatal(err)
	}
	if err := Shutdown(context.Background()); err != nil { // waits for fire-and-forget
		t.Fatal(err)
	}
	equal(t, rec.got(), []string{
		"seq-first:session_reset", "sequential:session_reset", "seq-tie-1:session_reset", "seq-tie-2:session_reset",
		"transform:session_reset", "audit:session_reset", "concurrent:session_reset", "fire_and_forget:session_reset",
	})
}

func TestModes_TransformAndAuditBlocksAreReportedAndIgnored(t *testing.T) {
	var rec recorder
	capture(t, &rec)
	blocker := func(context.Context, Payload) Result { return Result{Block: &Violation{Reason: "no"}} }
	register(t, nil, "transformer", map[Hook]Handler{ComponentPreExecute: blocker}, WithMode(Transform))
	register(t, nil, "auditor", map[Hook]Handler{ComponentPreExecute: blocker}, WithMode(Audit))
	register(t, nil, "after", map[Hook]Handler{ComponentPreExecute: observe(&rec, "after")}, WithMode(Concurrent))
	if err := Fire(context.Background(), ComponentPreExecute, &ComponentPayload{}); err != nil {
		t.Fatalf("a transform or audit plugin blocked: %v", err)
	}
	equal(t, rec.got(), []string{"after:component_pre_execute"})
	errs := rec.errs()
	if len(errs) != 2 || !strings.Contains(errs[0].Error(), `plugin "transformer" on component_pre_execute: a transform plugin may not block`) ||
		!strings.Contains(errs[1].Error(), `plugin "auditor" on component_pre_execute: a audit plugin may not block`) {
		t.Fatalf("reported %v", errs)
	}
}

func TestModes_MixedChangeKeepsItsWritablePart(t *testing.T) {
	var rec recorder
	capture(t, &rec)
	register(t, nil, "mixed", map[Hook]Handler{GenerationPreCall: func(_ context.Context, p Payload) Result {
		g := p.(*GenerationPayload)
		g.ModelOptions = map[string]any{"temperature": 0.2} // writable
		g.Format = "json"                                   // writable
		g.Model = "other-model"                             // read-only
		g.Provider = "other-provider"                       // read-only
		return Result{Payload: g}
	}})
	p := &GenerationPayload{Model: "m", Provider: "scripted"}
	if err := Fire(context.Background(), GenerationPreCall, p); err != nil {
		t.Fatal(err)
	}
	if p.ModelOptions["temperature"] != 0.2 || p.Format != "json" {
		t.Fatalf("the writable part was not kept: %+v", p)
	}
	if p.Model != "m" || p.Provider != "scripted" {
		t.Fatalf("a read-only change was taken: %+v", p)
	}
	errs := rec.errs()
	if len(errs) != 1 {
		t.Fatalf("reported %d times, want once: %v", len(errs), errs)
	}
	var pe *PluginError
	if !errors.As(errs[0], &pe) || pe.Plugin != "mixed" || pe.Hook != GenerationPreCall ||
		!strings.Contains(errs[0].Error(), "changed read-only fields Model, Provider") {
		t.Fatalf("reported %v", errs)
	}
}

// TestModes_WritableFieldsAreMelleasPolicies changes each field of each
// start payload and checks that exactly mellea's writable ones are taken.
func TestModes_WritableFieldsAreMelleasPolicies(t *testing.T) {
	cases := []struct {
		hook   Hook
		p      func() Payload
		change func(Payload)
		want   []string // fields taken
	}{
		{SessionPreInit, func() Payload { return &SessionPayload{} }, func(p Payload) {
			s := p.(*SessionPayload)
			s.ModelID, s.ModelOptions, s.Backend, s.ContextType = "m2", map[string]any{"seed": 1}, "b2", "ChatContext"
		}, []string{"ModelID", "ModelOptions"}},
		{ComponentPreExecute, func() Payload { return &ComponentPayload{} }, func(p Payload) {
			c := p.(*ComponentPayload)
			c.Requirements, c.ModelOptions, c.Format, c.Strategy, c.ToolCalls = []string{"be brief"}, map[string]any{"seed": 1}, "json", "RejectionSampling", true
			c.ComponentType, c.Result = "Other", "r"
		}, []string{"Requirements", "ModelOptions", "Format", "Strategy", "ToolCalls"}},
		{GenerationPreCall, func() Payload { return &GenerationPayload{} }, func(p Payload) {
			g := p.(*GenerationPayload)
			g.ModelOptions, g.ToolCalls, g.Format = map[string]any{"seed": 1}, true, "json"
			g.Model, g.Action, g.Stream = "m2", "a2", true
		}, []string{"ModelOptions", "ToolCalls", "Format"}},
	}
	for _, c := range cases {
		t.Run(c.hook.String(), func(t *testing.T) {
			var rec recorder
			capture(t, &rec)
			register(t, nil, "changer", map[Hook]Handler{c.hook: func(_ context.Context, p Payload) Result {
				c.change(p)
				return Result{Payload: p}
			}})
			p := c.p()
			Fire(context.Background(), c.hook, p)
			got := changedFields(c.p(), p)
			slices.Sort(got)
			if want := slices.Sorted(slices.Values(c.want)); !slices.Equal(got, want) {
				t.Fatalf("fields taken: %v, want %v", got, c.want)
			}
			if !slices.Equal(Writable(c.hook), c.want) {
				t.Fatalf("Writable(%s) = %v", c.hook, Writable(c.hook))
			}
			if len(rec.errs()) != 1 {
				t.Fatalf("reported %v, want the dropped fields once", rec.errs())
			}
		})
	}
	for _, h := range Hooks() {
		if h != SessionPreInit && h != ComponentPreExecute && h != GenerationPreCall && Writable(h) != nil {
			t.Errorf("%s is writable: %v", h, Writable(h))
		}
	}
}

// changedFields names the fields of got that differ from before, Base aside.
func changedFields(before, got Payload) []string {
	var names []string
	b, g := reflect.ValueOf(before).Elem(), reflect.ValueOf(got).Elem()
	for i := range b.NumField() {
		name := b.Type().Field(i).Name
		if name != "Base" && !reflect.DeepEqual(b.Field(i).Interface(), g.Field(i).Interface()) {
			names = append(names, name)
		}
	}
	return names
}

func TestModes_ConcurrentFirstBlockCancelsTheOthers(t *testing.T) {
	cancelled := make(chan error, 1)
	register(t, nil, "blocker", map[Hook]Handler{GenerationPreCall: func(context.Context, Payload) Result {
		return Result{Block: &Violation{Reason: "over budget", Code: "BUDGET"}}
	}}, WithMode(Concurrent))
	register(t, nil, "waiter", map[Hook]Handler{GenerationPreCall: func(ctx context.Context, _ Payload) Result {
		<-ctx.Done() // returns only once the blocker's block cancelled it
		cancelled <- context.Cause(ctx)
		return Result{}
	}}, WithMode(Concurrent), WithTimeout(0))
	err := Fire(context.Background(), GenerationPreCall, &GenerationPayload{})
	var b *BlockedError
	if !errors.As(err, &b) || b.Plugin != "blocker" || b.Code != "BUDGET" {
		t.Fatalf("err = %v", err)
	}
	if cause := <-cancelled; !errors.As(cause, &b) {
		t.Fatalf("the waiter's context was cancelled with %v, want the block", cause)
	}
}

func TestBlocking_AtEveryBlockableHookBySequentialAndConcurrent(t *testing.T) {
	payloads := map[Hook]func() Payload{
		SessionPreInit:      func() Payload { return &SessionPayload{} },
		ComponentPreExecute: func() Payload { return &ComponentPayload{} },
		GenerationPreCall:   func() Payload { return &GenerationPayload{} },
		StreamingStart:      func() Payload { return &StreamingStartPayload{} },
		GenerationPostCall:  func() Payload { return &GenerationPayload{} },
	}
	for _, h := range Hooks() {
		if _, ok := payloads[h]; Blockable(h) != ok {
			t.Errorf("Blockable(%s) = %v", h, Blockable(h))
		}
	}
	for h, mk := range payloads {
		for _, mode := range []Mode{Sequential, Concurrent} {
			t.Run(h.String()+"/"+mode.String(), func(t *testing.T) {
				register(t, nil, "guard", map[Hook]Handler{h: func(context.Context, Payload) Result {
					return Result{Block: &Violation{Reason: "not today", Code: "E42"}}
				}}, WithMode(mode))
				err := Fire(context.Background(), h, mk())
				var b *BlockedError
				if !errors.As(err, &b) || b.Plugin != "guard" || b.Hook != h || b.Reason != "not today" || b.Code != "E42" {
					t.Fatalf("err = %#v", err)
				}
				if want := "plugin guard blocked " + h.String() + ": [E42] not today"; err.Error() != want {
					t.Fatalf("err = %q, want %q", err, want)
				}
			})
		}
	}
}

func TestBlocking_MessageHasACodeOnlyWhenGiven(t *testing.T) {
	err := &BlockedError{Plugin: "guard", Hook: StreamingStart, Reason: "quiet hours"}
	if want := "plugin guard blocked streaming_start: quiet hours"; err.Error() != want {
		t.Fatalf("err = %q, want %q", err, want)
	}
}

func TestBlocking_ObserveOnlyHookReportsAndIgnores(t *testing.T) {
	var rec recorder
	capture(t, &rec)
	register(t, nil, "guard", map[Hook]Handler{StreamingEvent: func(context.Context, Payload) Result {
		return Result{Block: &Violation{Reason: "no"}}
	}})
	if err := Fire(context.Background(), StreamingEvent, &StreamingEventPayload{}); err != nil {
		t.Fatal(err)
	}
	if errs := rec.errs(); len(errs) != 1 || !strings.Contains(errs[0].Error(), "streaming_event cannot be blocked") {
		t.Fatalf("reported %v", errs)
	}
}

func TestTimeout_DefaultBoundIsFiveSeconds(t *testing.T) {
	p, err := NewPlugin("p", map[Hook]Handler{SessionReset: observe(&recorder{}, "p")})
	if err != nil {
		t.Fatal(err)
	}
	if p.p.timeout != 5*time.Second || DefaultTimeout != 5*time.Second {
		t.Fatalf("default bound = %v", p.p.timeout)
	}
	if _, err := NewPlugin("p", map[Hook]Handler{SessionReset: observe(&recorder{}, "p")}, WithTimeout(-1)); err == nil {
		t.Fatal("a negative bound was accepted")
	}
}

func TestTimeout_OverrunIsReportedWithPluginHookAndBound(t *testing.T) {
	var rec recorder
	capture(t, &rec)
	release := make(chan struct{})
	cause := make(chan error, 1)
	register(t, nil, "slow", map[Hook]Handler{GenerationPreCall: func(ctx context.Context, p Payload) Result {
		<-ctx.Done()
		cause <- context.Cause(ctx)
		<-release
		g := p.(*GenerationPayload)
		g.ModelOptions = map[string]any{"late": true}
		return Result{Payload: g}
	}}, WithTimeout(time.Millisecond))
	p := &GenerationPayload{}
	if err := Fire(context.Background(), GenerationPreCall, p); err != nil {
		t.Fatal(err)
	}
	var o *OverrunError
	if c := <-cause; !errors.As(c, &o) || o.Bound != time.Millisecond {
		t.Fatalf("the overrun handler's context ended with %v", c)
	}
	close(release)
	if err := Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	if p.ModelOptions != nil {
		t.Fatal("an overrun handler's change was taken")
	}
	errs := rec.errs()
	var pe *PluginError
	if len(errs) != 1 || !errors.As(errs[0], &pe) || pe.Plugin != "slow" || pe.Hook != GenerationPreCall || !errors.As(errs[0], &o) || o.Bound != time.Millisecond {
		t.Fatalf("reported %v", errs)
	}
}

func TestTimeout_ContextFromABoundedStartHandlerLivesUntilTheEnd(t *testing.T) {
	var endCtxErr error
	register(t, nil, "spans", map[Hook]Handler{
		StreamingStart: func(ctx context.Context, _ Payload) Result {
			return Result{Context: context.WithValue(ctx, ctxKey{}, "span")}
		},
		StreamingEnd: func(ctx context.Context, _ Payload) Result {
			endCtxErr = ctx.Err()
			return Result{}
		},
	}) // bounded by default
	ctx, call, err := BeginStreaming(context.Background(), &streamSubject{})
	if err != nil {
		t.Fatal(err)
	}
	if ctx.Value(ctxKey{}) != "span" || ctx.Err() != nil {
		t.Fatalf("operation context: value %v, err %v", ctx.Value(ctxKey{}), ctx.Err())
	}
	call.End(nil, nil)
	if endCtxErr != nil {
		t.Fatalf("the end hook's context was already done: %v", endCtxErr)
	}
	if ctx.Err() == nil {
		t.Fatal("the handler's context was not released when the lifecycle ended")
	}
}

func TestSet_PriorityOverridesItsMembersNested(t *testing.T) {
	var rec recorder
	mk := func(name string, prio int) *Plugin {
		p, err := NewPlugin(name, map[Hook]Handler{SessionReset: observe(&rec, name)}, WithPriority(prio))
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	inner := NewSet("inner", mk("inner-a", 1)).WithPriority(5) // overridden by outer
	outer := NewSet("outer", mk("outer-a", 1), inner).WithPriority(60)
	plain := NewSet("plain", mk("plain-a", 70), NewSet("plain-inner", mk("plain-b", 55)).WithPriority(40))
	un, err := Add(outer, plain, mk("loose", 50))
	if err != nil {
		t.Fatal(err)
	}
	defer un()
	Fire(context.Background(), SessionReset, &SessionPayload{})
	equal(t, rec.got(), []string{"plain-b:session_reset", "loose:session_reset", "outer-a:session_reset", "inner-a:session_reset", "plain-a:session_reset"})
	un()
	if Listening(SessionReset) {
		t.Fatal("a set's plugins are still registered after unregister")
	}
	if _, err := Add(NewSet("dups", mk("x", 1), mk("x", 2))); err == nil {
		t.Fatal("a set with two plugins of one name was accepted")
	}
}

func TestWithPlugins_SeeOnlyOperationsUnderTheContextUntilDone(t *testing.T) {
	var rec recorder
	p, err := NewPlugin("scoped", map[Hook]Handler{SessionReset: observe(&rec, "scoped")})
	if err != nil {
		t.Fatal(err)
	}
	ctx, done := WithPlugins(context.Background(), p)
	inner := WithSession(ctx, "s1", nil) // a session under the scope keeps it
	Fire(ctx, SessionReset, &SessionPayload{})
	Fire(inner, SessionReset, &SessionPayload{})
	Fire(context.Background(), SessionReset, &SessionPayload{}) // outside: not seen
	equal(t, rec.got(), []string{"scoped:session_reset", "scoped:session_reset"})

	// The same plugin value scoped twice at once, nested.
	ctx2, done2 := WithPlugins(inner, NewSet("again", p).WithPriority(1))
	Fire(ctx2, SessionReset, &SessionPayload{})
	done2()
	equal(t, rec.got()[2:], []string{"scoped:session_reset", "scoped:session_reset"})

	done()
	done() // harmless
	Fire(ctx, SessionReset, &SessionPayload{})
	if len(rec.got()) != 4 || Listening(SessionReset) {
		t.Fatalf("a scope's plugin ran after done: %v", rec.got())
	}
}

func TestWithPlugins_PanicsOnTwoPluginsOfOneName(t *testing.T) {
	p, _ := NewPlugin("p", map[Hook]Handler{SessionReset: observe(&recorder{}, "p")})
	defer func() {
		if v := recover(); v == nil || !strings.Contains(fmt.Sprint(v), `two plugins named "p"`) {
			t.Fatalf("recovered %v", v)
		}
	}()
	WithPlugins(context.Background(), p, p)
}
