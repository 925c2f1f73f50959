package telemetry

import (
	"context"

	"go.opentelemetry.io/otel/trace"

	"github.com/hookweave/hookweave/hooks"
)

// chatStart opens the chat span of a generation at generation_pre_call.
func (t *tracing) chatStart(ctx context.Context, g *hooks.GenerationPayload) hooks.Result {
	n := t.n
	kind := trace.SpanKindInternal
	if n.ChatClient(g.Provider) {
		kind = trace.SpanKindClient
	}
	a := make(attrs, 0, 8) // room for all: a list grown by append costs an allocation each time
	a.str(n.Operation, n.OperationChat)
	if n.ChatModelAtStart {
		a.str(n.Provider, n.ProviderName(g.Provider))
		a.str(n.RequestModel, g.Model)
	}
	if g.ComponentType != "" {
		a.str(n.ChatComponentType, g.ComponentType)
	}
	a.boolean(n.ChatHasFormat, false) // no structured output in a stream
	a.boolean(n.ChatToolCalls, false) // nor tool calls
	if g.Stream {
		a.boolean(n.ChatStreamAtStart, true)
	}
	if g.SessionID != "" {
		a.str(n.ConversationID, g.SessionID)
	}
	ctx, span := t.backend.Start(ctx, n.ChatName(g.Model),
		trace.WithSpanKind(kind), trace.WithTimestamp(g.Timestamp), trace.WithAttributes(a...))
	return hooks.Result{Context: withSpan(ctx, chatSpanKey, g.GenerationID, span)}
}

// chatEvent adds a chunk_processed event to the chat span.
func (t *tracing) chatEvent(ctx context.Context, c *hooks.GenerationEventPayload) {
	span := spanOf(ctx, chatSpanKey, c.GenerationID)
	if span == nil {
		return
	}
	n := t.n
	var a attrs
	a.integer(n.GenerationChunkIndex, int64(c.ChunkIndex))
	a.integer(n.GenerationChunkTextLength, int64(c.TextLength))
	if c.ChunkIndex > 0 {
		a.float(n.GenerationSinceLastChunkMs, float64(c.SinceLast.Nanoseconds())/1e6)
	}
	span.AddEvent(n.EventChunkProcessed, trace.WithTimestamp(c.Timestamp), trace.WithAttributes(a...))
}

func (t *tracing) chatSuccess(ctx context.Context, g *hooks.GenerationPayload) {
	span := spanOf(ctx, chatSpanKey, g.GenerationID)
	if span == nil {
		return
	}
	span.SetAttributes(t.chatEnd(g)...)
	span.End(trace.WithTimestamp(g.Timestamp))
}

// chatEnd is the chat span's end attributes that g knows.
func (t *tracing) chatEnd(g *hooks.GenerationPayload) attrs {
	n := t.n
	a := make(attrs, 0, 14)
	a.str(n.Operation, n.OperationChat)
	a.str(n.Provider, n.ProviderName(g.Provider))
	a.str(n.RequestModel, g.Model)
	if g.ComponentType != "" {
		a.str(n.ChatComponentType, g.ComponentType)
	}
	if g.Stream {
		a.boolean(n.ChatStreamingAtEnd, true)
	}
	if g.ResponseModel != "" {
		a.str(n.ResponseModel, g.ResponseModel)
	}
	if g.ResponseID != "" {
		a.str(n.ResponseID, g.ResponseID)
	}
	if len(g.FinishReasons) > 0 && n.FinishReasons != "" {
		a = append(a, stringSlice(n.FinishReasons, g.FinishReasons))
	}
	if g.Stream && g.TimeToFirstToken > 0 {
		a.float(n.TimeToFirstChunk, g.TimeToFirstToken.Seconds())
	}
	if g.Usage.Known {
		a.integer(n.InputTokens, g.Usage.InputTokens)
		a.integer(n.OutputTokens, g.Usage.OutputTokens)
		a.integer(n.TotalTokens, g.Usage.InputTokens+g.Usage.OutputTokens)
	}
	a.integer(n.ContextSize, int64(g.ContextSize))
	return a
}

// chatError ends the chat span of a failed or cancelled generation.
func (t *tracing) chatError(ctx context.Context, g *hooks.GenerationPayload) {
	span := spanOf(ctx, chatSpanKey, g.GenerationID)
	if span == nil || g.Err == nil {
		return
	}
	var a attrs
	a.str(t.n.Provider, t.n.ProviderName(g.Provider))
	a.str(t.n.RequestModel, g.Model)
	span.SetAttributes(a...)
	endWithError(t.n, span, g.Err, g.Timestamp)
}
