package session

import (
	"context"
	"maps"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/stdlib/backend"
	"github.com/hookweave/hookweave/stdlib/chunking"
	"github.com/hookweave/hookweave/stdlib/requirement"
	"github.com/hookweave/hookweave/stdlib/streaming"
)

// Instruction is an action: a text for the model, with the requirements its
// reply must meet.
type Instruction struct {
	Text         string
	Requirements []requirement.Requirement
	// Chunking cuts the reply; nil means sentences.
	Chunking chunking.Chunker
	// Validator is the backend the requirements ask; nil means the
	// session's backend.
	Validator backend.Backend
	// ModelOptions override the session's for this instruction.
	ModelOptions map[string]any
	// Strategy makes the stream retry within its budget (see
	// streaming.WithStrategy); nil means one attempt. The component
	// payload's Strategy is its Name.
	Strategy streaming.Strategy
	// Events, if not nil, receives the stream's events as they happen, on
	// the goroutine that ranges over its chunks (streaming.WithEvents).
	Events func(hooks.Event)
}

// Stream acts on in: it returns a validated stream of the reply, under ctx
// (the context Run handed to fn, or one derived from it). Ranging over the
// stream's Chunks runs the action; see package streaming for the rest.
func (s *Session) Stream(ctx context.Context, in Instruction) *streaming.Stream {
	a := &action{session: s, in: in, strategy: in.Strategy}
	a.stream = streaming.New(ctx, s.cfg.Backend, backend.Request{Action: in.Text},
		streaming.WithRequirements(in.Requirements...),
		streaming.WithChunker(in.Chunking),
		streaming.WithValidator(in.Validator),
		streaming.WithStrategy(in.Strategy),
		streaming.WithEvents(in.Events),
		streaming.WithWrapper(a.wrap))
	return a.stream
}

// modelOptions returns the session's options overridden by opts.
func (s *Session) modelOptions(opts map[string]any) map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.options) == 0 && len(opts) == 0 {
		return nil
	}
	out := maps.Clone(s.options)
	if out == nil {
		out = map[string]any{}
	}
	maps.Copy(out, opts)
	return out
}

// begin counts an interaction and returns the messages for text: in a
// ChatContext session, the earlier turns come first.
func (s *Session) begin(text string) []backend.Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.interactions++
	msgs := make([]backend.Message, 0, len(s.history)+1)
	if s.cfg.ContextType == ChatContext {
		msgs = append(msgs, s.history...)
	}
	return append(msgs, backend.Message{Role: "user", Content: text})
}

// remember keeps a successful turn in a ChatContext session.
func (s *Session) remember(text, reply string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cfg.ContextType == ChatContext {
		s.history = append(s.history, backend.Message{Role: "user", Content: text}, backend.Message{Role: "assistant", Content: reply})
	}
}
