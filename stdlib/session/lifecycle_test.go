package session

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/hooks/hookstest"
	"github.com/hookweave/hookweave/stdlib/backend"
	"github.com/hookweave/hookweave/stdlib/backend/scripted"
	"github.com/hookweave/hookweave/stdlib/requirement"
	"github.com/hookweave/hookweave/stdlib/streaming"
)

// These tests drive the session and component lifecycles as the woven
// build does (Begin*, the body, Call.End): a plain go test fires no
// lifecycle hook by itself; under go test -toolexec=hookweave the build
// wove them in, and the tests use them.

type pathKey struct{}

// tracer is a test plugin that records payloads and, like a tracing
// plugin, derives the context at start hooks: it appends the hook's
// operation to a path kept in the context.
type tracer struct {
	mu       sync.Mutex
	payloads []hooks.Payload
	paths    map[hooks.Hook][]string // the context's path seen at each hook
}

func trace(t *testing.T, mode hooks.Mode) *tracer {
	t.Helper()
	tr := &tracer{paths: map[hooks.Hook][]string{}}
	hs := map[hooks.Hook]hooks.Handler{}
	for _, h := range hooks.Hooks() {
		hs[h] = tr.handle
	}
	unregister, err := hooks.Register("tracer", hs, hooks.WithMode(mode))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(unregister)
	return tr
}

func (tr *tracer) handle(ctx context.Context, p hooks.Payload) hooks.Result {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	tr.payloads = append(tr.payloads, p)
	path, _ := ctx.Value(pathKey{}).([]string)
	h := p.(interface{ HookName() hooks.Hook }).HookName()
	tr.paths[h] = append(tr.paths[h], strings.Join(path, ">"))
	switch h {
	case hooks.SessionPreInit:
		return hooks.Result{Context: context.WithValue(ctx, pathKey{}, append(slices.Clone(path), "session"))}
	case hooks.ComponentPreExecute:
		return hooks.Result{Context: context.WithValue(ctx, pathKey{}, append(slices.Clone(path), "action"))}
	case hooks.StreamingStart:
		return hooks.Result{Context: context.WithValue(ctx, pathKey{}, append(slices.Clone(path), "stream"))}
	case hooks.GenerationPreCall:
		return hooks.Result{Context: context.WithValue(ctx, pathKey{}, append(slices.Clone(path), "chat"))}
	}
	return hooks.Result{}
}

func (tr *tracer) find(h hooks.Hook) []hooks.Payload {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	var out []hooks.Payload
	for _, p := range tr.payloads {
		if p.(interface{ HookName() hooks.Hook }).HookName() == h {
			out = append(out, p)
		}
	}
	return out
}

// wovenRun runs a session as the woven build does.
func wovenRun(t *testing.T, cfg Config, fn func(ctx context.Context, s *Session) error) error {
	t.Helper()
	s, err := newSession(cfg)
	if err != nil {
		t.Fatal(err)
	}
	l := (*lifecycle)(s)
	if hooks.Woven() {
		return l.run(context.Background(), fn)
	}
	ctx, call, err := hooks.BeginSession(context.Background(), l)
	if err != nil {
		return err
	}
	return call.End(nil, l.run(ctx, fn))
}

// wovenStream is Session.Stream with the action's lifecycle opened as the
// woven build does.
func wovenStream(ctx context.Context, s *Session, in Instruction) *streaming.Stream {
	if hooks.Woven() {
		return s.Stream(ctx, in)
	}
	a := &action{session: s, in: in, strategy: in.Strategy}
	a.stream = streaming.New(ctx, s.cfg.Backend, backend.Request{Action: in.Text},
		streaming.WithRequirements(in.Requirements...),
		streaming.WithStrategy(in.Strategy),
		streaming.WithWrapper(func(ctx context.Context, setup *streaming.Setup, run func(context.Context) error) error {
			a.setup, a.options, a.start = setup, s.modelOptions(in.ModelOptions), time.Now()
			ctx, call, err := hooks.BeginComponent(ctx, a)
			if err != nil {
				return err
			}
			return call.End(nil, a.execute(ctx, run))
		}))
	return a.stream
}

func TestSessionLifecyclePayloads(t *testing.T) {
	tr := trace(t, hooks.Audit)
	var id string
	err := wovenRun(t, Config{Backend: scripted.New("Hi. Bye. ", scripted.WithModel("m1")), ModelOptions: map[string]any{"seed": 1}},
		func(ctx context.Context, s *Session) error {
			id = s.ID()
			if got := hooks.SessionID(ctx); got != id {
				t.Errorf("ctx session %q, want %q", got, id)
			}
			for range 2 {
				hookstest.Drain(wovenStream(ctx, s, Instruction{Text: "x"}).Chunks())
			}
			return errors.New("fn failed")
		})
	if err == nil || err.Error() != "fn failed" {
		t.Fatalf("err %v", err)
	}
	for _, h := range []hooks.Hook{hooks.SessionPreInit, hooks.SessionPostInit, hooks.SessionCleanup} {
		ps := tr.find(h)
		if len(ps) != 1 {
			t.Fatalf("%d payloads at %s", len(ps), h)
		}
		p := ps[0].(*hooks.SessionPayload)
		if p.SessionID != id || p.Backend != "scripted" || p.ModelID != "m1" || p.ContextType != SimpleContext || p.ModelOptions["seed"] != 1 {
			t.Errorf("%s payload %+v", h, p)
		}
	}
	cleanup := tr.find(hooks.SessionCleanup)[0].(*hooks.SessionPayload)
	if cleanup.InteractionCount != 2 || cleanup.Err == nil || cleanup.Err.Error() != "fn failed" {
		t.Errorf("cleanup %+v", cleanup)
	}
}

func TestComponentLifecyclePayloads(t *testing.T) {
	tests := []struct {
		name  string
		b     backend.Backend
		check func(t *testing.T, post hooks.Hook, p *hooks.ComponentPayload)
	}{
		{"success", scripted.New("Fine. Done. "), func(t *testing.T, post hooks.Hook, p *hooks.ComponentPayload) {
			if post != hooks.ComponentPostSuccess || p.Result != "Fine. Done. " || p.NumGenerateLogs != 1 || !p.SamplingSuccess || p.Err != nil {
				t.Errorf("%s %+v", post, p)
			}
		}},
		{"failed check", scripted.New("Fine. Bad. "), func(t *testing.T, post hooks.Hook, p *hooks.ComponentPayload) {
			if post != hooks.ComponentPostSuccess || p.Result != "Fine." || p.SamplingSuccess || p.Err != nil {
				t.Errorf("%s %+v", post, p)
			}
		}},
		{"error", scripted.New("Fine. Done. ", scripted.WithFailAfter(1), scripted.WithDelta(2)), func(t *testing.T, post hooks.Hook, p *hooks.ComponentPayload) {
			if post != hooks.ComponentPostError || p.Err == nil || p.ErrorKind != "InternalServerError" || p.Result != "" {
				t.Errorf("%s %+v", post, p)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := trace(t, hooks.Audit)
			wovenRun(t, Config{Backend: tt.b, ModelOptions: map[string]any{"seed": 1}}, func(ctx context.Context, s *Session) error {
				hookstest.Drain(wovenStream(ctx, s, Instruction{Text: "x", Requirements: []requirement.Requirement{requirement.Forbid("bad")}}).Chunks())
				return nil
			})
			pre := tr.find(hooks.ComponentPreExecute)
			if len(pre) != 1 {
				t.Fatalf("%d pre_execute", len(pre))
			}
			p := pre[0].(*hooks.ComponentPayload)
			if p.ComponentType != "Instruction" || len(p.Requirements) != 1 || p.Requirements[0] != requirement.Forbid("bad").Description() ||
				p.Strategy != "" || p.Format != "" || p.ToolCalls || p.ModelOptions["seed"] != 1 {
				t.Errorf("pre_execute %+v", p)
			}
			posts := append(tr.find(hooks.ComponentPostSuccess), tr.find(hooks.ComponentPostError)...)
			if len(posts) != 1 {
				t.Fatalf("%d post hooks", len(posts))
			}
			post := posts[0].(*hooks.ComponentPayload)
			if post.ActionID != p.ActionID || post.ActionID == "" {
				t.Errorf("action ids %q and %q", p.ActionID, post.ActionID)
			}
			tt.check(t, post.Hook, post)
		})
	}
}

func TestContextNestsSessionActionAndStream(t *testing.T) {
	tr := trace(t, hooks.Audit)
	wovenRun(t, Config{Backend: scripted.New("One. ")}, func(ctx context.Context, s *Session) error {
		in := Instruction{Text: "x", Requirements: []requirement.Requirement{requirement.LLMJudge("is fine")}, Validator: scripted.New("yes")}
		hookstest.Drain(wovenStream(ctx, s, in).Chunks())
		return nil
	})
	stream := "session>action" // a plain build has no streaming lifecycle
	if hooks.Woven() {
		stream = "session>action>stream"
	}
	want := map[hooks.Hook]string{
		hooks.SessionPreInit:       "",
		hooks.ComponentPreExecute:  "session",
		hooks.StreamingStart:       "session>action",
		hooks.StreamingEvent:       stream,
		hooks.GenerationPreCall:    stream, // the generation's and the judge's
		hooks.GenerationPostCall:   stream + ">chat",
		hooks.StreamingEnd:         stream,
		hooks.ComponentPostSuccess: "session>action",
		hooks.SessionCleanup:       "session",
	}
	for h, path := range want {
		for _, got := range tr.paths[h] {
			if got != path {
				t.Errorf("%s ran under %q, want %q", h, got, path)
			}
		}
	}
	if n := len(tr.paths[hooks.GenerationPreCall]); hooks.Woven() && n != 2 {
		t.Errorf("%d generations, want the stream's and the judge's", n)
	}
}

func TestComponentPluginChangesModelOptions(t *testing.T) {
	unregister, err := hooks.Register("hot", map[hooks.Hook]hooks.Handler{
		hooks.ComponentPreExecute: func(_ context.Context, p hooks.Payload) hooks.Result {
			c := *p.(*hooks.ComponentPayload)
			c.ModelOptions = map[string]any{"temperature": 2}
			return hooks.Result{Payload: &c}
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer unregister()
	b := scripted.New("", scripted.WithReplyFunc(func(req backend.Request) string {
		return fmt.Sprintf("t=%v. ", req.Options["temperature"])
	}))
	wovenRun(t, Config{Backend: b}, func(ctx context.Context, s *Session) error {
		st := wovenStream(ctx, s, Instruction{Text: "x", ModelOptions: map[string]any{"temperature": 0}})
		hookstest.Drain(st.Chunks())
		if got := st.Result().FullText; got != "t=2. " {
			t.Errorf("reply %q", got)
		}
		return nil
	})
}

func TestBlockedActionNeverStreams(t *testing.T) {
	tr := trace(t, hooks.Audit)
	unregister, err := hooks.Register("guard", map[hooks.Hook]hooks.Handler{
		hooks.ComponentPreExecute: func(context.Context, hooks.Payload) hooks.Result {
			return hooks.Result{Block: &hooks.Violation{Reason: "not today"}}
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer unregister()
	wovenRun(t, Config{Backend: scripted.New("One. ")}, func(ctx context.Context, s *Session) error {
		st := wovenStream(ctx, s, Instruction{Text: "x"})
		chunks, errs := hookstest.Drain(st.Chunks())
		var blocked *hooks.BlockedError
		if len(chunks) != 0 || len(errs) != 1 || !errors.As(errs[0], &blocked) {
			t.Errorf("chunks %q, errors %v", chunks, errs)
		}
		if res := st.Result(); res.Err != errs[0] || res.Completed {
			t.Errorf("result %+v", res)
		}
		return nil
	})
	if n := len(tr.find(hooks.StreamingEvent)); n != 0 {
		t.Errorf("%d streaming events for a blocked action", n)
	}
	if n := len(tr.find(hooks.ComponentPostError)); n != 1 {
		t.Errorf("%d component_post_error", n)
	}
}
