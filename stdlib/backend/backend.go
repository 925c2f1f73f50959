// Package backend defines what stdlib asks of a model backend: a Backend
// generates a reply, and a Streamer streams it as deltas through a callback.
// The generation lifecycle (generation_pre_call, generation_post_call,
// generation_error) is opened here, around every call, so backends carry no
// hook code of their own.
//
// Package backend never imports telemetry or OpenTelemetry.
package backend

import (
	"context"

	"github.com/hookweave/hookweave/hooks"
)

// Message is one turn of a conversation.
type Message struct {
	Role    string // "system", "user" or "assistant"
	Content string
}

// Request is a generation request.
type Request struct {
	Messages []Message
	// Options are model options such as "temperature" and "max_tokens".
	Options map[string]any
	// Action is the instruction being generated for, for hooks.
	Action string
	// Model, when set, is the model to ask instead of the backend's own
	// (a session_pre_init plugin may change it).
	Model string
	// Format is the structured output format asked for (such as a JSON
	// schema); empty for plain text.
	Format string
	// ToolCalls says whether the model may call tools.
	ToolCalls bool
	// Component is the type of what is generated for, for hooks:
	// "Instruction" for an action, "Requirement" for an LLM judge.
	Component string
}

// ModelFor returns the model req goes to on b: req.Model when set, else
// b.Model().
func ModelFor(b Backend, req Request) string {
	if req.Model != "" {
		return req.Model
	}
	return b.Model()
}

// Response is a finished generation.
type Response struct {
	Text         string
	Model        string // the model that answered, if the backend says
	ID           string // the backend's response id, if any
	FinishReason string // such as "stop" or "length"
	Usage        hooks.Usage
}

// Backend generates replies from one model.
type Backend interface {
	// Name is the provider name, gen_ai.provider.name: "openai", "scripted".
	Name() string
	// Model is the model identifier requests go to.
	Model() string
	// Generate returns the whole reply.
	Generate(ctx context.Context, req Request) (Response, error)
}

// Streamer is a Backend that can stream.
type Streamer interface {
	Backend
	// Stream generates a reply, calling onDelta on the caller's goroutine
	// with each piece of text as it arrives, and returns when generation
	// ends. If onDelta returns an error, or ctx is cancelled, generation
	// stops and Stream returns that error (ctx.Err() for a cancel) with the
	// Response so far: Response.Text holds every delta delivered.
	Stream(ctx context.Context, req Request, onDelta func(delta string) error) (Response, error)
}

// Remote is implemented by backends reached over the network (their chat
// spans are of kind CLIENT).
type Remote interface {
	Remote() bool
}
