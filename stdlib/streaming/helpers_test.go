package streaming_test

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/hooks/hookstest"
	"github.com/hookweave/hookweave/stdlib/backend"
	"github.com/hookweave/hookweave/stdlib/requirement"
)

// order returns the names of the streaming events rec recorded, joined
// by spaces.
func order(rec *hookstest.Recorder) string { return strings.Join(rec.EventNames(), " ") }

// forbid fails a chunk, or the full text, that contains its word.
type forbid struct{ word string }

func (f forbid) Description() string { return "never says " + f.word }
func (f forbid) Check(_ context.Context, _ backend.Backend, chunk string) (requirement.Result, error) {
	return f.judge(chunk), nil
}
func (f forbid) Validate(_ context.Context, _ backend.Backend, text string) (requirement.Result, error) {
	return f.judge(text), nil
}
func (f forbid) judge(text string) requirement.Result {
	if strings.Contains(text, f.word) {
		return requirement.Result{Outcome: hooks.Fail, Reason: "mentions " + f.word}
	}
	return requirement.Result{Outcome: hooks.Pass}
}

// fixed gives the same verdicts to every chunk and to the full text.
type fixed struct {
	check, validate hooks.Outcome
	reason          string
}

func (f fixed) Description() string { return "fixed" }
func (f fixed) Check(context.Context, backend.Backend, string) (requirement.Result, error) {
	return requirement.Result{Outcome: f.check, Reason: f.reason}, nil
}
func (f fixed) Validate(context.Context, backend.Backend, string) (requirement.Result, error) {
	return requirement.Result{Outcome: f.validate, Reason: f.reason}, nil
}

// broken returns err from every call.
type broken struct{ err error }

func (b broken) Description() string { return "broken" }
func (b broken) Check(context.Context, backend.Backend, string) (requirement.Result, error) {
	return requirement.Result{}, b.err
}
func (b broken) Validate(context.Context, backend.Backend, string) (requirement.Result, error) {
	return requirement.Result{}, b.err
}

// patient waits in Check until its context is done and notes that. Its
// Check says it is slow, so it runs beside the other requirements.
type patient struct{ cancelled *atomic.Bool }

func (p patient) Description() string { return "patient" }
func (patient) SlowCheck() bool       { return true }
func (patient) SlowValidate() bool    { return false }
func (p patient) Check(ctx context.Context, _ backend.Backend, _ string) (requirement.Result, error) {
	<-ctx.Done()
	p.cancelled.Store(true)
	return requirement.Result{}, ctx.Err()
}
func (p patient) Validate(context.Context, backend.Backend, string) (requirement.Result, error) {
	return requirement.Result{Outcome: hooks.Pass}, nil
}

// counter counts the chunks it checked; it is a Cloner.
type counter struct{ seen int }

func (c *counter) Description() string { return "counts" }
func (c *counter) Check(context.Context, backend.Backend, string) (requirement.Result, error) {
	c.seen++
	return requirement.Result{Outcome: hooks.Pass}, nil
}
func (c *counter) Validate(context.Context, backend.Backend, string) (requirement.Result, error) {
	return requirement.Result{Outcome: hooks.Pass}, nil
}
func (c *counter) Clone() requirement.Requirement { d := *c; return &d }

// judge asks the validator backend whether the full text is fine: a reply
// starting with "yes" passes.
type judge struct{}

func (judge) Description() string { return "the judge approves" }
func (judge) Check(context.Context, backend.Backend, string) (requirement.Result, error) {
	return requirement.Result{Outcome: hooks.Unknown}, nil
}
func (judge) Validate(ctx context.Context, v backend.Backend, text string) (requirement.Result, error) {
	resp, err := backend.Complete(ctx, v, backend.Request{Messages: []backend.Message{{Role: "user", Content: "Is this fine? " + text}}})
	if err != nil {
		return requirement.Result{}, err
	}
	if strings.HasPrefix(resp.Text, "yes") {
		return requirement.Result{Outcome: hooks.Pass}, nil
	}
	return requirement.Result{Outcome: hooks.Fail, Reason: "the judge said " + resp.Text}, nil
}

// counting wraps a Streamer and counts the deltas it delivered.
type counting struct {
	backend.Streamer
	deltas int
}

func (c *counting) Stream(ctx context.Context, req backend.Request, onDelta func(string) error) (backend.Response, error) {
	return c.Streamer.Stream(ctx, req, func(d string) error {
		c.deltas++
		return onDelta(d)
	})
}

// completer is a backend that cannot stream.
type completer struct{}

func (completer) Name() string  { return "completer" }
func (completer) Model() string { return "whole" }
func (completer) Generate(context.Context, backend.Request) (backend.Response, error) {
	return backend.Response{Text: "All at once."}, nil
}

var errBoom = errors.New("boom")

func request(text string) backend.Request {
	return backend.Request{Messages: []backend.Message{{Role: "user", Content: text}}, Action: text}
}
