package backend

import (
	"context"
	"testing"

	"github.com/hookweave/hookweave/hooks"
)

// recorder is a Streamer that records the request it streams.
type recorder struct{ req Request }

func (*recorder) Name() string  { return "recorder" }
func (*recorder) Model() string { return "m" }
func (r *recorder) Generate(_ context.Context, req Request) (Response, error) {
	r.req = req
	return Response{Text: "ok"}, nil
}
func (r *recorder) Stream(ctx context.Context, req Request, onDelta func(string) error) (Response, error) {
	resp, _ := r.Generate(ctx, req)
	return resp, onDelta(resp.Text)
}

// wovenStream is Stream with the generation lifecycle opened as the woven
// build does.
func wovenStream(ctx context.Context, b Streamer, req Request) error {
	if hooks.Woven() {
		_, err := Stream(ctx, b, req, func(string) error { return nil })
		return err
	}
	g := newGeneration(b, req, true)
	ctx, call, err := hooks.BeginGeneration(ctx, g)
	if err != nil {
		return err
	}
	return call.End(nil, g.stream(ctx, b, func(string) error { return nil }))
}

func TestWritable_GenerationPreCallFieldsReachTheRequest(t *testing.T) {
	unregister, err := hooks.Register("changer", map[hooks.Hook]hooks.Handler{
		hooks.GenerationPreCall: func(_ context.Context, p hooks.Payload) hooks.Result {
			g := p.(*hooks.GenerationPayload)
			g.ModelOptions = map[string]any{"max_tokens": 9}
			g.ToolCalls = true
			g.Format = "json"
			g.Model = "ignored" // read-only: dropped and reported
			return hooks.Result{Payload: g}
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer unregister()
	var reported []error
	hooks.SetReporter(func(err error) { reported = append(reported, err) })
	defer hooks.SetReporter(nil)

	b := &recorder{}
	if err := wovenStream(context.Background(), b, Request{Options: map[string]any{"max_tokens": 1}}); err != nil {
		t.Fatal(err)
	}
	if b.req.Options["max_tokens"] != 9 || !b.req.ToolCalls || b.req.Format != "json" || b.req.Model != "" {
		t.Fatalf("request %+v", b.req)
	}
	if len(reported) != 1 {
		t.Fatalf("reported %v, want the dropped Model once", reported)
	}
}

func TestBlocking_GenerationPostCallFailsTheCall(t *testing.T) {
	unregister, err := hooks.Register("guard", map[hooks.Hook]hooks.Handler{
		hooks.GenerationPostCall: func(context.Context, hooks.Payload) hooks.Result {
			return hooks.Result{Block: &hooks.Violation{Reason: "leaks a secret", Code: "PII"}}
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer unregister()
	err = wovenStream(context.Background(), &recorder{}, Request{})
	if err == nil || err.Error() != "plugin guard blocked generation_post_call: [PII] leaks a secret" {
		t.Fatalf("err = %v", err)
	}
}
