package streaming

import (
	"context"
	"errors"
	"testing"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/hooks/hookstest"
	"github.com/hookweave/hookweave/stdlib/backend"
	"github.com/hookweave/hookweave/stdlib/backend/scripted"
	"github.com/hookweave/hookweave/stdlib/chunking"
	"github.com/hookweave/hookweave/stdlib/requirement"
)

// These tests drive the streaming lifecycle as the woven build does:
// BeginStreaming with the run as subject, the body, then Call.End with the
// body's error. A plain go test fires no lifecycle hook by itself; under
// go test -toolexec=hookweave the build wove it in, and the tests use it.

// The payloads of the streaming lifecycle that rec recorded, in order.
func starts(rec *hookstest.Recorder) []*hooks.StreamingStartPayload {
	return hookstest.PayloadsOf[*hooks.StreamingStartPayload](rec)
}

func events(rec *hookstest.Recorder) []*hooks.StreamingEventPayload {
	return hookstest.PayloadsOf[*hooks.StreamingEventPayload](rec)
}

func ends(rec *hookstest.Recorder) []*hooks.StreamingEndPayload {
	return hookstest.PayloadsOf[*hooks.StreamingEndPayload](rec)
}

// woven runs s as a woven build would, yielding chunks to keep.
func woven(t *testing.T, s *Stream, keep func(string) bool) error {
	t.Helper()
	r := newRun(s, func(c string, _ error) bool { return keep(c) })
	if hooks.Woven() {
		return r.stream(s.ctx)
	}
	ctx, call, err := hooks.BeginStreaming(s.ctx, r)
	if err != nil {
		t.Fatal(err)
	}
	return call.End(nil, r.stream(ctx))
}

func all(string) bool { return true }

type banned struct{ word string }

func (b banned) Description() string { return "never " + b.word }
func (b banned) Check(_ context.Context, _ backend.Backend, c string) (requirement.Result, error) {
	if c == b.word {
		return requirement.Result{Outcome: hooks.Fail, Reason: "said " + b.word}, nil
	}
	return requirement.Result{Outcome: hooks.Pass}, nil
}
func (b banned) Validate(context.Context, backend.Backend, string) (requirement.Result, error) {
	return requirement.Result{Outcome: hooks.Pass}, nil
}

func TestStreamingStartPayload(t *testing.T) {
	rec := hookstest.Record(t, hooks.StreamingStart, hooks.StreamingEvent, hooks.StreamingEnd)
	s := New(context.Background(), scripted.New("a b"), backend.Request{}, WithRequirements(banned{"x"}, banned{"y"}))
	if err := woven(t, s, all); err != nil {
		t.Fatal(err)
	}
	if len(starts(rec)) != 1 {
		t.Fatalf("%d starts", len(starts(rec)))
	}
	p := starts(rec)[0]
	if !p.HasRequirements || p.RequirementCount != 2 || p.ChunkingStrategy != "sentence" || p.Hook != hooks.StreamingStart {
		t.Errorf("start %+v", p)
	}
	for _, e := range events(rec) {
		if e.StreamingID != p.StreamingID || p.StreamingID == "" {
			t.Errorf("event id %q, lifecycle id %q", e.StreamingID, p.StreamingID)
		}
	}
	if ends(rec)[0].StreamingID != p.StreamingID {
		t.Errorf("end id %q, start id %q", ends(rec)[0].StreamingID, p.StreamingID)
	}
}

func TestStreamingEndPayloads(t *testing.T) {
	word, _ := chunking.ByName("word")
	tests := []struct {
		name  string
		b     backend.Backend
		keep  func(string) bool
		check func(t *testing.T, p hooks.StreamingEndPayload, err error)
	}{
		{"success", scripted.New("a b é"), all, func(t *testing.T, p hooks.StreamingEndPayload, err error) {
			if err != nil || !p.Success || p.FailureReason != "" || p.Err != nil || p.Stopped ||
				p.FullTextLength != 5 || p.Model != scripted.DefaultModel || p.Provider != scripted.Provider {
				t.Errorf("end %+v, err %v", p, err)
			}
		}},
		{"failed check", scripted.New("a x b"), all, func(t *testing.T, p hooks.StreamingEndPayload, err error) {
			if err != nil || p.Success || p.FailureReason != "Streaming validation failed: said x" || p.Err != nil || p.ErrorCategory != "" || p.FullTextLength != 1 {
				t.Errorf("end %+v, err %v", p, err)
			}
		}},
		{"failed on flush", scripted.New("a x"), all, func(t *testing.T, p hooks.StreamingEndPayload, err error) {
			if p.Success || p.FailureReason != "Streaming validation failed on flush: said x" {
				t.Errorf("end %+v, err %v", p, err)
			}
		}},
		{"error", scripted.New("a b c", scripted.WithDelta(1), scripted.WithFailAfter(2)), all, func(t *testing.T, p hooks.StreamingEndPayload, err error) {
			if err == nil || p.Err != err || p.Success || p.FailureReason != "" || p.ErrorCategory != hooks.CategoryServer || p.Stopped {
				t.Errorf("end %+v, err %v", p, err)
			}
		}},
		{"stopped", scripted.New("a b c"), func(string) bool { return false }, func(t *testing.T, p hooks.StreamingEndPayload, err error) {
			if err != nil || !p.Stopped || p.Success || p.FailureReason != "" || p.Err != nil || p.FullTextLength != 1 {
				t.Errorf("end %+v, err %v", p, err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := hookstest.Record(t, hooks.StreamingStart, hooks.StreamingEvent, hooks.StreamingEnd)
			s := New(context.Background(), tt.b, backend.Request{}, WithRequirements(banned{"x"}), WithChunker(word))
			err := woven(t, s, tt.keep)
			if len(starts(rec)) != 1 || len(ends(rec)) != 1 {
				t.Fatalf("%d starts, %d ends", len(starts(rec)), len(ends(rec)))
			}
			evs := events(rec)
			last := evs[len(evs)-1].Event
			if _, ok := last.(hooks.CompletedEvent); !ok {
				t.Errorf("last event before the end hook is %s", last.EventName())
			}
			tt.check(t, *ends(rec)[0], err)
		})
	}
}

// The model and provider are those of a generation: empty when none
// started, as mellea's payload leaves them.
func TestStreamingEndPayloadWithNoGenerationHasNoModel(t *testing.T) {
	for name, b := range map[string]backend.Backend{
		"cannot stream":  completer{},
		"closed at once": scripted.New("a b"),
	} {
		t.Run(name, func(t *testing.T) {
			rec := hookstest.Record(t, hooks.StreamingStart, hooks.StreamingEvent, hooks.StreamingEnd)
			s := New(context.Background(), b, backend.Request{})
			if name == "closed at once" {
				s.stopping.Store(true)
			}
			woven(t, s, all)
			if len(ends(rec)) != 1 {
				t.Fatalf("%d ends", len(ends(rec)))
			}
			if p := ends(rec)[0]; p.Model != "" || p.Provider != "" || p.NumGenerateLogs != 0 || p.Success {
				t.Errorf("end %+v", p)
			}
		})
	}
}

func TestStreamingEndPayloadOfARetriedStream(t *testing.T) {
	rec := hookstest.Record(t, hooks.StreamingStart, hooks.StreamingEvent, hooks.StreamingEnd)
	b := scripted.New("", scripted.WithReplies("a x", "b x", "c x"))
	s := New(context.Background(), b, backend.Request{}, WithRequirements(banned{"x"}), WithChunker(word()), WithStrategy(RejectionSampling(3)))
	woven(t, s, all)
	if len(ends(rec)) != 1 {
		t.Fatalf("%d ends", len(ends(rec)))
	}
	// Every attempt failed: the payload reports the selected (first) one.
	p := ends(rec)[0]
	if p.Success || p.NumGenerateLogs != 3 || p.FailureReason != "Streaming validation failed on flush: said x" ||
		p.FullTextLength != 1 || p.Model != scripted.DefaultModel || p.Provider != scripted.Provider {
		t.Errorf("end %+v", p)
	}
}

func word() chunking.Chunker { c, _ := chunking.ByName("word"); return c }

type completer struct{}

func (completer) Name() string  { return "completer" }
func (completer) Model() string { return "whole" }
func (completer) Generate(context.Context, backend.Request) (backend.Response, error) {
	return backend.Response{Text: "All at once."}, nil
}

func TestStreamingEndOnPanic(t *testing.T) {
	rec := hookstest.Record(t, hooks.StreamingStart, hooks.StreamingEvent, hooks.StreamingEnd)
	s := New(context.Background(), scripted.New("a. b."), backend.Request{})
	r := newRun(s, func(string, error) bool { panic("consumer bug") })
	func() {
		defer func() { recover() }()
		if hooks.Woven() {
			r.stream(s.ctx)
			return
		}
		ctx, call, _ := hooks.BeginStreaming(s.ctx, r)
		var err error
		defer func() { err = call.End(recover(), err) }()
		err = r.stream(ctx)
	}()
	if len(ends(rec)) != 1 {
		t.Fatalf("%d ends", len(ends(rec)))
	}
	var pe *hooks.PanicError
	if p := ends(rec)[0]; !errors.As(p.Err, &pe) || p.Success {
		t.Errorf("end %+v", p)
	}
}
