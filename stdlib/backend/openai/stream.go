package openai

import (
	"context"
	"strings"

	sdk "github.com/openai/openai-go/v3"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/stdlib/backend"
)

// Stream requests a streamed chat completion, with usage included, and
// hands each piece of content to onDelta on the caller's goroutine,
// following the backend.Streamer contract. A delta counts as delivered
// once onDelta has been called with it, so Response.Text includes it even
// when onDelta returns an error.
//
// Only the first choice is followed. The Response carries the server's
// model, response id, finish reason and, when the server sent its usage
// chunk, the token usage. A stream that ends without a finish reason
// fails with ErrTruncated. Errors are classified as the package
// documentation says.
func (b *Backend) Stream(ctx context.Context, req backend.Request, onDelta func(delta string) error) (backend.Response, error) {
	call, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	w := newWatchdog(b.cfg.DeltaTimeout, cancel)
	defer w.disarm()

	w.arm()
	s := b.client.Chat.Completions.NewStreaming(call, b.params(req, true), modelOptions(req)...)
	defer s.Close()
	var acc accumulator
	for {
		w.arm()
		ok := s.Next()
		w.disarm()
		if !ok {
			break
		}
		delta := acc.add(s.Current())
		if delta == "" {
			continue
		}
		if err := onDelta(delta); err != nil {
			return acc.response(), err
		}
	}
	err := s.Err()
	if err == nil && acc.finish == "" {
		err = ErrTruncated
	}
	return acc.response(), fail(ctx, call, err)
}

// accumulator collects a stream's chunks into a Response.
type accumulator struct {
	text   strings.Builder
	model  string
	id     string
	finish string
	usage  hooks.Usage
}

// add takes in one chunk and returns its content delta for the first
// choice ("" if none).
func (a *accumulator) add(c sdk.ChatCompletionChunk) string {
	if a.model == "" {
		a.model = c.Model
	}
	if a.id == "" {
		a.id = c.ID
	}
	if c.JSON.Usage.Valid() {
		a.usage = hooks.Usage{InputTokens: c.Usage.PromptTokens, OutputTokens: c.Usage.CompletionTokens, Known: true}
	}
	for _, ch := range c.Choices {
		if ch.Index != 0 {
			continue
		}
		if ch.FinishReason != "" {
			a.finish = ch.FinishReason
		}
		a.text.WriteString(ch.Delta.Content)
		return ch.Delta.Content
	}
	return ""
}

func (a *accumulator) response() backend.Response {
	return backend.Response{Text: a.text.String(), Model: a.model, ID: a.id, FinishReason: a.finish, Usage: a.usage}
}
