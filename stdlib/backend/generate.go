package backend

import (
	"context"
	"fmt"
	"maps"
	"time"
	"unicode/utf8"

	"github.com/hookweave/hookweave/hooks"
)

// NotStreamingError is returned by Stream for a backend that cannot stream.
type NotStreamingError struct {
	Provider string
}

// ErrorKind implements hooks.Kinded.
func (e *NotStreamingError) ErrorKind() string { return "NotStreamingError" }

func (e *NotStreamingError) Error() string {
	return fmt.Sprintf("backend %q cannot stream: it does not implement backend.Streamer", e.Provider)
}

// Stream asks b for a streamed reply to req, calling onDelta on the
// caller's goroutine with each delta, inside the generation lifecycle
// (generation_pre_call; generation_post_call or generation_error). It
// returns a *NotStreamingError when b is not a Streamer. The Response holds
// every delta delivered, also when err is not nil.
func Stream(ctx context.Context, b Backend, req Request, onDelta func(delta string) error) (Response, error) {
	s, ok := b.(Streamer)
	if !ok {
		return Response{}, &NotStreamingError{Provider: b.Name()}
	}
	g := newGeneration(b, req, true)
	err := g.stream(ctx, s, onDelta)
	return g.resp, err
}

// Complete asks b for a whole reply to req, inside the generation
// lifecycle.
func Complete(ctx context.Context, b Backend, req Request) (Response, error) {
	g := newGeneration(b, req, false)
	err := g.complete(ctx)
	return g.resp, err
}

// generation is the subject of the generation lifecycle: one call of a
// backend.
type generation struct {
	backend   Backend
	req       Request
	streaming bool
	id        string // the lifecycle's id, once a plugin listens
	start     time.Time
	first     time.Time // when the first delta arrived
	last      time.Time // when the latest delta arrived
	deltas    int       // deltas received
	resp      Response
}

func newGeneration(b Backend, req Request, stream bool) *generation {
	return &generation{backend: b, req: req, streaming: stream, start: time.Now()}
}

// stream streams the reply. A generation that the callback stopped (it
// returned an error) or whose context ended is cancelled: its error is
// hooks.ErrCancelled wrapping what stopped it.
//
//mellea:hook generation
func (g *generation) stream(ctx context.Context, s Streamer, onDelta func(delta string) error) error {
	var stop error
	var err error
	g.resp, err = s.Stream(ctx, g.req, func(delta string) error {
		g.arrived(ctx, delta)
		stop = onDelta(delta)
		return stop
	})
	if err != nil && (stop != nil || ctx.Err() != nil) {
		return cancelled(err)
	}
	return err
}

// arrived notes the arrival of a delta and, while a plugin listens to
// generation_event, reports it. It reads the clock only for the first
// delta (the time to first token) and for a delta it reports: a clock
// read per delta was a seventh of a plain stream's cost per chunk.
func (g *generation) arrived(ctx context.Context, delta string) {
	listening := hooks.Listening(hooks.GenerationEvent)
	if !listening && !g.first.IsZero() {
		g.deltas++
		return
	}
	now := time.Now()
	if g.first.IsZero() {
		g.first = now
	}
	if listening {
		p := &hooks.GenerationEventPayload{
			GenerationID: g.id,
			Model:        g.backend.Model(),
			Provider:     g.backend.Name(),
			ChunkIndex:   g.deltas,
			TextLength:   utf8.RuneCountInString(delta),
		}
		if g.deltas > 0 {
			// since the last delta stamped: the previous one, unless a
			// plugin started listening since
			p.SinceLast = now.Sub(g.last)
		}
		hooks.Fire(ctx, hooks.GenerationEvent, p)
	}
	g.last = now
	g.deltas++
}

// complete generates the whole reply; a generation whose context ended is
// cancelled.
//
//mellea:hook generation
func (g *generation) complete(ctx context.Context) error {
	var err error
	g.resp, err = g.backend.Generate(ctx, g.req)
	if err != nil && ctx.Err() != nil {
		return cancelled(err)
	}
	return err
}

// A subject that does not implement its lifecycle's interface fails the
// plain build here, not only the woven one.
var _ hooks.GenerationSubject = (*generation)(nil)

// GenerationStart implements hooks.GenerationSubject.
func (g *generation) GenerationStart() hooks.GenerationPayload {
	remote := false
	if r, ok := g.backend.(Remote); ok {
		remote = r.Remote()
	}
	if g.id == "" {
		g.id = hooks.NewID() // shared by the lifecycle and generation_event
	}
	return hooks.GenerationPayload{
		GenerationID:  g.id,
		Model:         ModelFor(g.backend, g.req),
		Provider:      g.backend.Name(),
		ModelOptions:  maps.Clone(g.req.Options),
		Action:        g.req.Action,
		ComponentType: g.req.Component,
		ContextSize:   contextSize(g.req.Messages),
		ToolCalls:     g.req.ToolCalls,
		Format:        g.req.Format,
		Stream:        g.streaming,
		Remote:        remote,
	}
}

// contextSize is the number of earlier turns sent with a request: its
// messages before the last, system messages aside.
func contextSize(msgs []Message) int {
	n := 0
	for i, m := range msgs {
		if i < len(msgs)-1 && m.Role != "system" {
			n++
		}
	}
	return n
}

// GenerationEnd implements hooks.GenerationSubject.
func (g *generation) GenerationEnd(err error) hooks.GenerationPayload {
	p := g.GenerationStart()
	p.Latency = time.Since(g.start)
	if err != nil {
		p.Err = err
		p.ErrorCategory = hooks.ErrorCategory(err)
		return p
	}
	p.Prompt = prompt(g.req)
	p.Output = g.resp.Text
	p.ResponseModel = g.resp.Model
	p.ResponseID = g.resp.ID
	if g.resp.FinishReason != "" {
		p.FinishReasons = []string{g.resp.FinishReason}
	}
	p.Usage = g.resp.Usage
	if !g.first.IsZero() {
		p.TimeToFirstToken = g.first.Sub(g.start)
	}
	return p
}

// Amend implements hooks.Amender: plugins at generation_pre_call may change
// the model options, the tool-calls flag and the format of the request.
func (g *generation) Amend(p hooks.Payload) {
	if gp, ok := p.(*hooks.GenerationPayload); ok {
		g.req.Options = gp.ModelOptions
		g.req.ToolCalls = gp.ToolCalls
		g.req.Format = gp.Format
	}
}

// prompt is the request's messages as one text, for generation_post_call.
func prompt(req Request) string {
	s := ""
	for i, m := range req.Messages {
		if i > 0 {
			s += "\n"
		}
		s += m.Role + ": " + m.Content
	}
	return s
}
