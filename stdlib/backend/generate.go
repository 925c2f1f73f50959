package backend

import (
	"context"
	"fmt"
	"maps"
	"time"

	"github.com/hookweave/hookweave/hooks"
)

// NotStreamingError is returned by Stream for a backend that cannot stream.
type NotStreamingError struct {
	Provider string
}

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
	start     time.Time
	first     time.Time // when the first delta arrived
	resp      Response
}

func newGeneration(b Backend, req Request, stream bool) *generation {
	return &generation{backend: b, req: req, streaming: stream, start: time.Now()}
}

//mellea:hook generation
func (g *generation) stream(ctx context.Context, s Streamer, onDelta func(delta string) error) error {
	var err error
	g.resp, err = s.Stream(ctx, g.req, func(delta string) error {
		if g.first.IsZero() {
			g.first = time.Now()
		}
		return onDelta(delta)
	})
	return err
}

//mellea:hook generation
func (g *generation) complete(ctx context.Context) error {
	var err error
	g.resp, err = g.backend.Generate(ctx, g.req)
	return err
}

// GenerationStart implements hooks.GenerationSubject.
func (g *generation) GenerationStart() hooks.GenerationPayload {
	remote := false
	if r, ok := g.backend.(Remote); ok {
		remote = r.Remote()
	}
	return hooks.GenerationPayload{
		Model:        ModelFor(g.backend, g.req),
		Provider:     g.backend.Name(),
		ModelOptions: maps.Clone(g.req.Options),
		Action:       g.req.Action,
		ToolCalls:    g.req.ToolCalls,
		Format:       g.req.Format,
		Stream:       g.streaming,
		Remote:       remote,
	}
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
