// Package hookstest helps test plugins, and code that fires hooks, in the
// spirit of OpenTelemetry's tracetest: a [Recorder], a plugin that keeps
// every payload it is given, in order, and [Drain], which ranges over a
// stream of values and errors to its end.
//
// A Recorder observes: it is registered as an audit plugin, so it sees the
// payloads as the sequential and transform plugins before it left them, and
// it changes and blocks nothing. It keeps the payloads themselves (it does
// not borrow them), so they may be read after the dispatch that made them.
package hookstest

import (
	"context"
	"fmt"
	"iter"
	"slices"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/hookweave/hookweave/hooks"
)

// Recorder is a plugin that keeps every payload it is given, in order. Its
// methods may be called while hooks fire on other goroutines. The zero
// Recorder is ready to use: register [Recorder.Handlers] on any registry,
// or call [Record].
type Recorder struct {
	mu       sync.Mutex
	payloads []hooks.Payload
}

// recorders numbers the Recorders that Record registers, so that each has
// a name of its own.
var recorders atomic.Int64

// Record registers a new Recorder in the global registry for hs (every
// hook when hs is empty), and unregisters it when t and its subtests end.
// It is registered as an audit plugin with no time bound: it only appends
// to a list, and a bound would drop what a slow test machine delivers late.
func Record(t testing.TB, hs ...hooks.Hook) *Recorder {
	t.Helper()
	r := &Recorder{}
	name := fmt.Sprintf("hookstest.Recorder-%d", recorders.Add(1))
	unregister, err := hooks.Register(name, r.Handlers(hs...), hooks.WithMode(hooks.Audit), hooks.WithTimeout(0))
	if err != nil {
		t.Fatalf("hookstest: %v", err)
	}
	t.Cleanup(unregister)
	return r
}

// Handlers returns r's handler for each of hs (every hook when hs is
// empty), to register with hooks.Register, a session's registry or
// hooks.NewPlugin. Register them in audit mode (hooks.WithMode) unless the
// test is of another mode's dispatch.
func (r *Recorder) Handlers(hs ...hooks.Hook) map[hooks.Hook]hooks.Handler {
	if len(hs) == 0 {
		hs = hooks.Hooks()
	}
	m := make(map[hooks.Hook]hooks.Handler, len(hs))
	for _, h := range hs {
		m[h] = r.handle
	}
	return m
}

func (r *Recorder) handle(_ context.Context, p hooks.Payload) hooks.Result {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.payloads = append(r.payloads, p)
	return hooks.Result{}
}

// Payloads returns the payloads recorded so far, in the order they came.
func (r *Recorder) Payloads() []hooks.Payload {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.payloads)
}

// Last returns the last payload recorded, or nil when there is none.
func (r *Recorder) Last() hooks.Payload {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.payloads) == 0 {
		return nil
	}
	return r.payloads[len(r.payloads)-1]
}

// Count returns how many payloads were recorded at h.
func (r *Recorder) Count(h hooks.Hook) int {
	n := 0
	for _, p := range r.Payloads() {
		if hookOf(p) == h {
			n++
		}
	}
	return n
}

// Events returns the events of the streaming_event payloads recorded, in
// order.
func (r *Recorder) Events() []hooks.Event {
	var out []hooks.Event
	for _, p := range PayloadsOf[*hooks.StreamingEventPayload](r) {
		out = append(out, p.Event)
	}
	return out
}

// EventNames returns the names of [Recorder.Events] ("quick_check",
// "chunk", ...), in order.
func (r *Recorder) EventNames() []string {
	var out []string
	for _, e := range r.Events() {
		out = append(out, e.EventName())
	}
	return out
}

// PayloadsOf returns the payloads of type P that r recorded, in order:
// PayloadsOf[*hooks.StreamingEndPayload](r), for one.
func PayloadsOf[P hooks.Payload](r *Recorder) []P {
	var out []P
	for _, p := range r.Payloads() {
		if q, ok := p.(P); ok {
			out = append(out, q)
		}
	}
	return out
}

// EventsOf returns the streaming events of type E that r recorded, in
// order: EventsOf[hooks.CompletedEvent](r), for one.
func EventsOf[E hooks.Event](r *Recorder) []E {
	var out []E
	for _, e := range r.Events() {
		if f, ok := e.(E); ok {
			out = append(out, f)
		}
	}
	return out
}

// hookOf is the hook p was fired at.
func hookOf(p hooks.Payload) hooks.Hook {
	return p.(interface{ HookName() hooks.Hook }).HookName()
}

// Drain ranges over seq to its end, as a consumer that stops for nothing:
// it returns the values, and apart from them the errors, each in order.
// For a stream of chunks, Drain(s.Chunks()).
func Drain[T any](seq iter.Seq2[T, error]) (values []T, errs []error) {
	for v, err := range seq {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		values = append(values, v)
	}
	return values, errs
}
