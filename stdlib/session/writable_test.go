package session

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/hooks/hookstest"
	"github.com/hookweave/hookweave/stdlib/backend"
	"github.com/hookweave/hookweave/stdlib/backend/scripted"
	"github.com/hookweave/hookweave/stdlib/requirement"
)

// requests is a scripted backend's reply function that records the
// requests of the stream (not the judge's) and answers a judge "yes".
type requests struct {
	mu   sync.Mutex
	reqs []backend.Request
}

func (r *requests) reply(req backend.Request) string {
	if len(req.Messages) > 0 && strings.HasPrefix(req.Messages[0].Content, "You judge") {
		return "yes"
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.reqs = append(r.reqs, req)
	return "Short reply. "
}

func (r *requests) only(t *testing.T) backend.Request {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.reqs) != 1 {
		t.Fatalf("%d requests, want 1", len(r.reqs))
	}
	return r.reqs[0]
}

func change(t *testing.T, h hooks.Hook, fn func(p hooks.Payload)) {
	t.Helper()
	unregister, err := hooks.Register("changer", map[hooks.Hook]hooks.Handler{
		h: func(_ context.Context, p hooks.Payload) hooks.Result {
			fn(p)
			return hooks.Result{Payload: p}
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(unregister)
}

func TestWritable_SessionPreInitModelIDAndOptionsReachTheRequest(t *testing.T) {
	change(t, hooks.SessionPreInit, func(p hooks.Payload) {
		s := p.(*hooks.SessionPayload)
		s.ModelID = "bigger-model"
		s.ModelOptions = map[string]any{"seed": 7}
	})
	var rec requests
	b := scripted.New("", scripted.WithReplyFunc(rec.reply), scripted.WithModel("small-model"))
	wovenRun(t, Config{Backend: b}, func(ctx context.Context, s *Session) error {
		st := wovenStream(ctx, s, Instruction{Text: "x"})
		hookstest.Drain(st.Chunks())
		return nil
	})
	req := rec.only(t)
	if req.Model != "bigger-model" || req.Options["seed"] != 7 {
		t.Fatalf("request model %q, options %v", req.Model, req.Options)
	}
	if got := backend.ModelFor(b, req); got != "bigger-model" {
		t.Fatalf("the request goes to %q", got)
	}
}

func TestWritable_ComponentPreExecuteFieldsReachTheOperation(t *testing.T) {
	change(t, hooks.ComponentPreExecute, func(p hooks.Payload) {
		c := p.(*hooks.ComponentPayload)
		// Keep MaxWords, drop Forbid, add a judged requirement.
		c.Requirements = []string{requirement.MaxWords(50).Description(), "is polite"}
		c.ModelOptions = map[string]any{"temperature": 0.3}
		c.Format = `{"type":"object"}`
		c.ToolCalls = true
		c.Strategy = "RejectionSamplingStrategy"
	})
	var ends []*hooks.ComponentPayload
	unregister, err := hooks.Register("ends", map[hooks.Hook]hooks.Handler{
		hooks.ComponentPostSuccess: func(_ context.Context, p hooks.Payload) hooks.Result {
			ends = append(ends, p.(*hooks.ComponentPayload))
			return hooks.Result{}
		},
	}, hooks.WithMode(hooks.Audit))
	if err != nil {
		t.Fatal(err)
	}
	defer unregister()
	var rec requests
	b := scripted.New("", scripted.WithReplyFunc(rec.reply))
	in := Instruction{Text: "x", Requirements: []requirement.Requirement{requirement.Forbid("Short"), requirement.MaxWords(50)}}
	wovenRun(t, Config{Backend: b}, func(ctx context.Context, s *Session) error {
		st := wovenStream(ctx, s, in)
		if _, errs := hookstest.Drain(st.Chunks()); len(errs) != 0 {
			t.Errorf("errors %v", errs)
		}
		res := st.Result()
		if !res.Completed || len(res.Validations) != 2 || res.Validations[0].Requirement != "MaxWords" || res.Validations[1].Requirement != "LLMJudge" {
			t.Errorf("the stream ran with requirements %+v (completed %v), want MaxWords and LLMJudge", res.Validations, res.Completed)
		}
		return nil
	})
	req := rec.only(t)
	if req.Options["temperature"] != 0.3 || req.Format != `{"type":"object"}` || !req.ToolCalls {
		t.Fatalf("request options %v, format %q, tool calls %v", req.Options, req.Format, req.ToolCalls)
	}
	if len(ends) != 1 || ends[0].Strategy != "RejectionSamplingStrategy" || strings.Join(ends[0].Requirements, "|") != "each chunk has at most 50 words|is polite" {
		t.Fatalf("component_post_success: %+v", ends)
	}
	if len(in.Requirements) != 2 || in.Requirements[0].Description() != requirement.Forbid("Short").Description() {
		t.Fatal("the caller's requirements were changed")
	}
}

// A plugin that adds a requirement makes the stream check one more on
// every chunk, also with no plugin listening to streaming_event.
func TestWritable_AddedRequirementIsCheckedOnEveryChunk(t *testing.T) {
	change(t, hooks.ComponentPreExecute, func(p hooks.Payload) {
		c := p.(*hooks.ComponentPayload)
		c.Requirements = append(c.Requirements, "is polite")
	})
	var rec requests
	b := scripted.New("", scripted.WithReplyFunc(rec.reply))
	in := Instruction{Text: "x", Requirements: []requirement.Requirement{requirement.MaxWords(50)}}
	wovenRun(t, Config{Backend: b}, func(ctx context.Context, s *Session) error {
		st := wovenStream(ctx, s, in)
		if _, errs := hookstest.Drain(st.Chunks()); len(errs) != 0 {
			t.Errorf("errors %v", errs)
		}
		if res := st.Result(); !res.Completed || len(res.Validations) != 2 {
			t.Errorf("result %+v, want two requirements validated", res)
		}
		return nil
	})
}
