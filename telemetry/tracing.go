package telemetry

import (
	"context"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"

	"github.com/hookweave/hookweave/hooks"
)

// TracingPluginName is the name under which the tracing plugin registers.
const TracingPluginName = "telemetry.tracing"

// tracingPriority runs the tracing plugin before plugins of the default
// priority, so that they see its span in their context.
const tracingPriority = 10

// tracing is the tracing plugin: one span per session, action, generation
// and stream, carried from the start hook to the end hook by the context.
type tracing struct {
	app     trace.Tracer // session, action, stream_with_chunking
	backend trace.Tracer // chat <model>
	content bool         // capture the action's response text
}

func newTracing(tp trace.TracerProvider, content bool) *tracing {
	return &tracing{
		app:     tp.Tracer(TracerApplication),
		backend: tp.Tracer(TracerBackend),
		content: content,
	}
}

func (t *tracing) handlers() map[hooks.Hook]hooks.Handler {
	return map[hooks.Hook]hooks.Handler{
		hooks.SessionPreInit:       t.sessionStart,
		hooks.SessionCleanup:       t.sessionEnd,
		hooks.ComponentPreExecute:  t.actionStart,
		hooks.ComponentPostSuccess: t.actionSuccess,
		hooks.ComponentPostError:   t.actionError,
		hooks.GenerationPreCall:    t.chatStart,
		hooks.GenerationPostCall:   t.chatSuccess,
		hooks.GenerationError:      t.chatError,
		hooks.StreamingStartHook:   t.streamStart,
		hooks.StreamingEventHook:   t.streamEvent,
		hooks.StreamingEndHook:     t.streamEnd,
	}
}

func (t *tracing) sessionStart(ctx context.Context, p hooks.Payload) hooks.Result {
	s, ok := p.(*hooks.SessionPayload)
	if !ok {
		return hooks.Result{}
	}
	ctx, span := t.app.Start(ctx, SpanSession,
		trace.WithTimestamp(s.Timestamp),
		trace.WithAttributes(
			attribute.String(AttrSessionID, s.SessionID),
			attribute.String(AttrSessionContextType, s.ContextType),
			attribute.String(AttrGenAIProvider, s.Backend),
		))
	return hooks.Result{Context: withSpan(ctx, sessionSpanKey, s.SessionID, span)}
}

func (t *tracing) sessionEnd(ctx context.Context, p hooks.Payload) hooks.Result {
	s, ok := p.(*hooks.SessionPayload)
	if !ok {
		return hooks.Result{}
	}
	span := spanOf(ctx, sessionSpanKey, s.SessionID)
	if span == nil {
		return hooks.Result{}
	}
	if s.Err != nil {
		endWithError(span, s.Err, hooks.ErrorType(s.Err), trace.WithTimestamp(s.Timestamp))
		return hooks.Result{}
	}
	span.End(trace.WithTimestamp(s.Timestamp))
	return hooks.Result{}
}

func (t *tracing) actionStart(ctx context.Context, p hooks.Payload) hooks.Result {
	c, ok := p.(*hooks.ComponentPayload)
	if !ok {
		return hooks.Result{}
	}
	attrs := []attribute.KeyValue{
		attribute.String(AttrComponentType, c.ComponentType),
		attribute.Bool(AttrActionHasReqs, len(c.Requirements) > 0),
		attribute.Bool(AttrActionHasStrategy, c.Strategy != ""),
		attribute.Bool(AttrActionHasFormat, c.Format != ""),
		attribute.Bool(AttrActionToolCalls, c.ToolCalls),
	}
	if c.Strategy != "" {
		attrs = append(attrs, attribute.String(AttrSamplingStrategy, c.Strategy))
	}
	ctx, span := t.app.Start(ctx, SpanAction, trace.WithTimestamp(c.Timestamp), trace.WithAttributes(attrs...))
	return hooks.Result{Context: withSpan(ctx, actionSpanKey, c.ActionID, span)}
}

func (t *tracing) actionSuccess(ctx context.Context, p hooks.Payload) hooks.Result {
	c, ok := p.(*hooks.ComponentPayload)
	if !ok {
		return hooks.Result{}
	}
	span := spanOf(ctx, actionSpanKey, c.ActionID)
	if span == nil {
		return hooks.Result{}
	}
	span.SetAttributes(
		attribute.Int(AttrActionResponseLen, chars(c.Result)),
		attribute.Int(AttrActionGenerateLogs, c.NumGenerateLogs),
		attribute.Bool(AttrSamplingSuccess, c.SamplingSuccess),
	)
	if t.content {
		span.SetAttributes(attribute.String(AttrActionResponse, truncate(c.Result)))
	}
	span.End(trace.WithTimestamp(c.Timestamp))
	return hooks.Result{}
}

func (t *tracing) actionError(ctx context.Context, p hooks.Payload) hooks.Result {
	c, ok := p.(*hooks.ComponentPayload)
	if !ok || c.Err == nil {
		return hooks.Result{}
	}
	span := spanOf(ctx, actionSpanKey, c.ActionID)
	if span == nil {
		return hooks.Result{}
	}
	errType := c.ErrorType
	if errType == "" {
		errType = hooks.ErrorType(c.Err)
	}
	endWithError(span, c.Err, errType, trace.WithTimestamp(c.Timestamp))
	return hooks.Result{}
}

func (t *tracing) chatStart(ctx context.Context, p hooks.Payload) hooks.Result {
	g, ok := p.(*hooks.GenerationPayload)
	if !ok {
		return hooks.Result{}
	}
	name := SpanChat
	if g.Model != "" {
		name += " " + g.Model
	}
	kind := trace.SpanKindInternal
	if g.Remote {
		kind = trace.SpanKindClient
	}
	attrs := []attribute.KeyValue{
		attribute.String(AttrGenAIProvider, g.Provider),
		attribute.String(AttrGenAIRequestModel, g.Model),
		attribute.String(AttrGenAIOperation, OperationChat),
	}
	if g.Stream {
		attrs = append(attrs, attribute.Bool(AttrGenAIRequestStream, true))
	}
	ctx, span := t.backend.Start(ctx, name, trace.WithSpanKind(kind), trace.WithTimestamp(g.Timestamp), trace.WithAttributes(attrs...))
	return hooks.Result{Context: withSpan(ctx, chatSpanKey, g.GenerationID, span)}
}

func (t *tracing) chatSuccess(ctx context.Context, p hooks.Payload) hooks.Result {
	g, ok := p.(*hooks.GenerationPayload)
	if !ok {
		return hooks.Result{}
	}
	span := spanOf(ctx, chatSpanKey, g.GenerationID)
	if span == nil {
		return hooks.Result{}
	}
	span.SetAttributes(responseAttributes(g)...)
	span.End(trace.WithTimestamp(g.Timestamp))
	return hooks.Result{}
}

// responseAttributes are the chat span's end attributes that g knows.
func responseAttributes(g *hooks.GenerationPayload) []attribute.KeyValue {
	var attrs []attribute.KeyValue
	if g.ResponseModel != "" {
		attrs = append(attrs, attribute.String(AttrGenAIResponseModel, g.ResponseModel))
	}
	if g.ResponseID != "" {
		attrs = append(attrs, attribute.String(AttrGenAIResponseID, g.ResponseID))
	}
	if len(g.FinishReasons) > 0 {
		attrs = append(attrs, attribute.StringSlice(AttrGenAIFinishReasons, g.FinishReasons))
	}
	if g.Usage.Known {
		attrs = append(attrs,
			attribute.Int64(AttrGenAIInputTokens, g.Usage.InputTokens),
			attribute.Int64(AttrGenAIOutputTokens, g.Usage.OutputTokens))
	}
	return attrs
}

func (t *tracing) chatError(ctx context.Context, p hooks.Payload) hooks.Result {
	g, ok := p.(*hooks.GenerationPayload)
	if !ok || g.Err == nil {
		return hooks.Result{}
	}
	if span := spanOf(ctx, chatSpanKey, g.GenerationID); span != nil {
		endWithError(span, g.Err, hooks.ErrorType(g.Err), trace.WithTimestamp(g.Timestamp))
	}
	return hooks.Result{}
}

func (t *tracing) streamStart(ctx context.Context, p hooks.Payload) hooks.Result {
	s, ok := p.(*hooks.StreamingStart)
	if !ok {
		return hooks.Result{}
	}
	return hooks.Result{Context: startStreamSpan(ctx, t.app, s)}
}

func (t *tracing) streamEvent(ctx context.Context, p hooks.Payload) hooks.Result {
	e, ok := p.(*hooks.StreamingEvent)
	if !ok {
		return hooks.Result{}
	}
	if s, ok := streamSpanOf(ctx, e.StreamingID); ok {
		s.addEvent(e.Event, e.Timestamp)
	}
	return hooks.Result{}
}

func (t *tracing) streamEnd(ctx context.Context, p hooks.Payload) hooks.Result {
	e, ok := p.(*hooks.StreamingEnd)
	if !ok {
		return hooks.Result{}
	}
	s, ok := streamSpanOf(ctx, e.StreamingID)
	switch {
	case !ok:
	case e.Err != nil:
		s.finishError(e, e.Err.Error(), e.Err)
	case e.Stopped:
		s.finishError(e, "", nil)
	case !e.Success:
		s.finishError(e, e.FailureReason, nil)
	default:
		s.finishSuccess(e)
	}
	return hooks.Result{}
}
