package openai

import (
	"context"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/stdlib/backend"
)

// Generate requests a whole chat completion and returns the first
// choice's content. DeltaTimeout does not apply; bound the call with ctx.
// Errors are classified as for Stream.
func (b *Backend) Generate(ctx context.Context, req backend.Request) (backend.Response, error) {
	c, err := b.client.Chat.Completions.New(ctx, b.params(req, false), modelOptions(req)...)
	if err != nil {
		return backend.Response{}, fail(ctx, ctx, err)
	}
	resp := backend.Response{Model: c.Model, ID: c.ID}
	if c.JSON.Usage.Valid() {
		resp.Usage = hooks.Usage{InputTokens: c.Usage.PromptTokens, OutputTokens: c.Usage.CompletionTokens, Known: true}
	}
	if len(c.Choices) > 0 {
		resp.Text = c.Choices[0].Message.Content
		resp.FinishReason = c.Choices[0].FinishReason
	}
	return resp, nil
}
