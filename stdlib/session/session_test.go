package session_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/hooks/hookstest"
	"github.com/hookweave/hookweave/stdlib/backend"
	"github.com/hookweave/hookweave/stdlib/backend/scripted"
	"github.com/hookweave/hookweave/stdlib/requirement"
	"github.com/hookweave/hookweave/stdlib/session"
	"github.com/hookweave/hookweave/stdlib/streaming"
)

func TestRunRejectsABadConfig(t *testing.T) {
	fn := func(context.Context, *session.Session) error { t.Error("fn ran"); return nil }
	if err := session.Run(context.Background(), session.Config{}, fn); err == nil || err.Error() != "session: no backend" {
		t.Errorf("no backend: %v", err)
	}
	err := session.Run(context.Background(), session.Config{Backend: scripted.New(""), ContextType: "Odd"}, fn)
	if err == nil || err.Error() != `session: unknown context type "Odd": use SimpleContext or ChatContext` {
		t.Errorf("unknown context type: %v", err)
	}
}

func TestRunReturnsTheFunctionsError(t *testing.T) {
	boom := errors.New("boom")
	err := session.Run(context.Background(), session.Config{Backend: scripted.New("")}, func(context.Context, *session.Session) error { return boom })
	if err != boom {
		t.Errorf("err %v", err)
	}
}

func TestStreamActsOnAnInstruction(t *testing.T) {
	rec := hookstest.Record(t, hooks.StreamingEvent)
	var id string
	var chunks []string
	var res streaming.Result
	err := session.Run(context.Background(), session.Config{Backend: scripted.New("Go is fun. Go is bad. Go is fast.")},
		func(ctx context.Context, s *session.Session) error {
			id = s.ID()
			st := s.Stream(ctx, session.Instruction{Text: "Praise Go.", Requirements: []requirement.Requirement{requirement.Forbid("bad")}})
			chunks, _ = hookstest.Drain(st.Chunks())
			res = st.Result()
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(chunks, []string{"Go is fun."}) || res.Completed || res.FullText != "Go is fun." {
		t.Errorf("chunks %q, result %+v", chunks, res)
	}
	evs := rec.Payloads()
	if len(evs) != 4 {
		t.Fatalf("%d events, want 4", len(evs))
	}
	for _, p := range evs {
		if sid := p.(*hooks.StreamingEventPayload).SessionID; sid != id || id == "" {
			t.Errorf("event session id %q, want %q", sid, id)
		}
	}
}

func TestSessionPluginsServeOnlyTheirSession(t *testing.T) {
	own := &hookstest.Recorder{}
	reg := hooks.NewRegistry()
	defer reg.Close()
	if _, err := reg.Register("own", own.Handlers(hooks.StreamingEvent), hooks.WithMode(hooks.Audit)); err != nil {
		t.Fatal(err)
	}
	runOnce := func(cfg session.Config) (id string) {
		session.Run(context.Background(), cfg, func(ctx context.Context, s *session.Session) error {
			id = s.ID()
			hookstest.Drain(s.Stream(ctx, session.Instruction{Text: "Hi."}).Chunks())
			return nil
		})
		return id
	}
	mine := runOnce(session.Config{Backend: scripted.New("Hello. "), Plugins: reg})
	runOnce(session.Config{Backend: scripted.New("Other. ")})
	got := own.Payloads()
	if len(got) == 0 {
		t.Fatal("the session's plugin saw nothing")
	}
	for _, p := range got {
		if p.(*hooks.StreamingEventPayload).SessionID != mine {
			t.Errorf("the session's plugin saw an event of another session")
		}
	}
}

func TestResetFiresSessionReset(t *testing.T) {
	rec := hookstest.Record(t, hooks.SessionReset)
	var id string
	session.Run(context.Background(), session.Config{Backend: scripted.New("", scripted.WithModel("m1")), ContextType: session.ChatContext},
		func(ctx context.Context, s *session.Session) error {
			id = s.ID()
			s.Reset(ctx)
			return nil
		})
	got := rec.Payloads()
	if len(got) != 1 {
		t.Fatalf("%d resets", len(got))
	}
	p := got[0].(*hooks.SessionPayload)
	if p.SessionID != id || p.Backend != "scripted" || p.ModelID != "m1" || p.ContextType != "ChatContext" || p.Hook != hooks.SessionReset {
		t.Errorf("reset payload %+v", p)
	}
}

// countMessages replies with the number of messages it was sent.
func countMessages(req backend.Request) string {
	return fmt.Sprintf("Got %d messages. ", len(req.Messages))
}

func TestChatContextSendsEarlierTurns(t *testing.T) {
	b := scripted.New("", scripted.WithReplyFunc(countMessages))
	var replies []string
	session.Run(context.Background(), session.Config{Backend: b, ContextType: session.ChatContext},
		func(ctx context.Context, s *session.Session) error {
			for i := range 3 {
				if i == 2 {
					s.Reset(ctx)
				}
				st := s.Stream(ctx, session.Instruction{Text: "Count."})
				hookstest.Drain(st.Chunks())
				replies = append(replies, st.Result().FullText)
			}
			return nil
		})
	want := []string{"Got 1 messages. ", "Got 3 messages. ", "Got 1 messages. "}
	if !slices.Equal(replies, want) {
		t.Errorf("replies %q, want %q", replies, want)
	}
}

func TestSimpleContextSendsEachInstructionAlone(t *testing.T) {
	b := scripted.New("", scripted.WithReplyFunc(countMessages))
	session.Run(context.Background(), session.Config{Backend: b}, func(ctx context.Context, s *session.Session) error {
		for range 2 {
			st := s.Stream(ctx, session.Instruction{Text: "Count."})
			hookstest.Drain(st.Chunks())
			if got := st.Result().FullText; got != "Got 1 messages. " {
				t.Errorf("reply %q", got)
			}
		}
		return nil
	})
}

func TestInstructionModelOptionsOverrideTheSessions(t *testing.T) {
	b := scripted.New("", scripted.WithReplyFunc(func(req backend.Request) string {
		return fmt.Sprintf("t=%v n=%v. ", req.Options["temperature"], req.Options["max_tokens"])
	}))
	cfg := session.Config{Backend: b, ModelOptions: map[string]any{"temperature": 0.5, "max_tokens": 10}}
	session.Run(context.Background(), cfg, func(ctx context.Context, s *session.Session) error {
		st := s.Stream(ctx, session.Instruction{Text: "x", ModelOptions: map[string]any{"temperature": 0.9}})
		hookstest.Drain(st.Chunks())
		if got := st.Result().FullText; got != "t=0.9 n=10. " {
			t.Errorf("reply %q", got)
		}
		return nil
	})
	if cfg.ModelOptions["temperature"] != 0.5 {
		t.Error("the config's options were changed")
	}
}
