package telemetry

import (
	"context"

	"go.opentelemetry.io/otel/trace"

	"github.com/hookweave/hookweave/hooks"
)

// TracingPluginName is the name under which the tracing plugin registers.
const TracingPluginName = "telemetry.tracing"

// tracingPriority runs the tracing plugin before plugins of the default
// priority, so that they see its span in their context.
const tracingPriority = 10

// tracing is the tracing plugin: one span per session start-up, session,
// action, generation, stream and call of a function annotated
// //mellea:hook span, carried from the start hook to the end hook by the
// context.
type tracing struct {
	n       *names
	app     trace.Tracer // session, start_session, action, stream, a program's own spans
	backend trace.Tracer // chat
	content bool         // capture the action's response text
	chunks  bool         // chunk_processed events on the chat span
}

func newTracing(tp trace.TracerProvider, n *names, cfg TracesConfig) *tracing {
	return &tracing{
		n:       n,
		app:     tp.Tracer(TracerApplication),
		backend: tp.Tracer(TracerBackend),
		content: cfg.Content,
		chunks:  cfg.ChunkEvents,
	}
}

func (t *tracing) handlers() map[hooks.Hook]hooks.Handler {
	hs := map[hooks.Hook]hooks.Handler{
		hooks.SessionPreInit:       on(t.startSessionStart),
		hooks.SessionPostInit:      on(t.sessionStart),
		hooks.SessionCleanup:       observe(t.sessionEnd),
		hooks.ComponentPreExecute:  on(t.actionStart),
		hooks.ComponentPostSuccess: observe(t.actionSuccess),
		hooks.ComponentPostError:   observe(t.actionError),
		hooks.GenerationPreCall:    on(t.chatStart),
		hooks.GenerationEvent:      observe(t.chatEvent),
		hooks.GenerationPostCall:   observe(t.chatSuccess),
		hooks.GenerationError:      observe(t.chatError),
		hooks.StreamingStart:       on(t.streamStart),
		hooks.StreamingEvent:       observe(t.streamEvent),
		hooks.StreamingEnd:         observe(t.streamEnd),
		hooks.SpanStart:            on(t.funcSpanStart),
		hooks.SpanEnd:              observe(t.funcSpanEnd),
	}
	if !t.chunks || t.n.EventChunkProcessed == "" {
		delete(hs, hooks.GenerationEvent)
	}
	return hs
}

// startSessionStart opens the start_session span at session_pre_init. It
// is held, not made current: the session span is its sibling, as in
// mellea, where start_session() returns before the session is entered.
func (t *tracing) startSessionStart(ctx context.Context, s *hooks.SessionPayload) hooks.Result {
	var a attrs
	a.str(t.n.SessionID, s.SessionID)
	a.str(t.n.StartBackend, s.Backend)
	a.str(t.n.StartModel, s.ModelID)
	a.str(t.n.SessionContextType, s.ContextType)
	_, span := t.app.Start(ctx, t.n.SpanStartSession, trace.WithTimestamp(s.Timestamp), trace.WithAttributes(a...))
	return hooks.Result{Context: holdSpan(ctx, startSessionSpanKey, s.SessionID, span)}
}

// sessionStart ends start_session and opens the session span at
// session_post_init, once the session is set up.
func (t *tracing) sessionStart(ctx context.Context, s *hooks.SessionPayload) hooks.Result {
	if span := spanOf(ctx, startSessionSpanKey, s.SessionID); span != nil {
		span.End(trace.WithTimestamp(s.Timestamp))
	}
	var a attrs
	a.str(t.n.SessionID, s.SessionID)
	a.str(t.n.SessionContextType, s.ContextType)
	a.str(t.n.SessionProvider, t.n.ProviderName(s.Backend))
	ctx, span := t.app.Start(ctx, t.n.SpanSession, trace.WithTimestamp(s.Timestamp), trace.WithAttributes(a...))
	return hooks.Result{Context: withSpan(ctx, sessionSpanKey, s.SessionID, span)}
}

// sessionEnd ends the session span, and start_session if a plugin blocked
// the session before it was set up.
func (t *tracing) sessionEnd(ctx context.Context, s *hooks.SessionPayload) {
	for _, k := range []spanKey{startSessionSpanKey, sessionSpanKey} {
		span := spanOf(ctx, k, s.SessionID)
		switch {
		case span == nil:
		case s.Err != nil:
			endWithError(t.n, span, s.Err, s.Timestamp)
		default:
			span.End(trace.WithTimestamp(s.Timestamp))
		}
	}
}

func (t *tracing) actionStart(ctx context.Context, c *hooks.ComponentPayload) hooks.Result {
	var a attrs
	a.str(t.n.ActionType, c.ComponentType)
	a.boolean(t.n.ActionHasRequirements, len(c.Requirements) > 0)
	a.boolean(t.n.ActionHasStrategy, c.Strategy != "")
	if c.Strategy != "" {
		a.str(t.n.ActionStrategy, c.Strategy)
	}
	a.boolean(t.n.ActionHasFormat, c.Format != "")
	a.boolean(t.n.ActionToolCalls, c.ToolCalls)
	ctx, span := t.app.Start(ctx, t.n.SpanAction, trace.WithTimestamp(c.Timestamp), trace.WithAttributes(a...))
	return hooks.Result{Context: withSpan(ctx, actionSpanKey, c.ActionID, span)}
}

func (t *tracing) actionSuccess(ctx context.Context, c *hooks.ComponentPayload) {
	span := spanOf(ctx, actionSpanKey, c.ActionID)
	if span == nil {
		return
	}
	var a attrs
	a.integer(t.n.ActionGenerateLogs, int64(c.NumGenerateLogs))
	a.boolean(t.n.ActionSamplingSuccess, c.SamplingSuccess)
	if t.content {
		a.str(t.n.ActionResponse, t.n.Truncate(c.Result))
	}
	a.integer(t.n.ActionResponseLength, int64(chars(c.Result)))
	span.SetAttributes(a...)
	span.End(trace.WithTimestamp(c.Timestamp))
}

func (t *tracing) actionError(ctx context.Context, c *hooks.ComponentPayload) {
	if span := spanOf(ctx, actionSpanKey, c.ActionID); span != nil && c.Err != nil {
		endWithError(t.n, span, c.Err, c.Timestamp)
	}
}

func (t *tracing) streamStart(ctx context.Context, s *hooks.StreamingStartPayload) hooks.Result {
	return hooks.Result{Context: startStreamSpan(ctx, t.app, t.n, s)}
}

func (t *tracing) streamEvent(ctx context.Context, e *hooks.StreamingEventPayload) {
	if s, ok := eventSpanOf(ctx, t.n, e.StreamingID); ok {
		s.addEvent(e.Event)
	}
}

func (t *tracing) streamEnd(ctx context.Context, e *hooks.StreamingEndPayload) {
	s, ok := streamSpanOf(ctx, t.n, e.StreamingID)
	switch {
	case !ok:
	case e.Err != nil:
		s.finishError(e, e.Err)
	case e.Stopped:
		s.finishFailed(e, "")
	case !e.Success:
		s.finishFailed(e, e.FailureReason)
	default:
		s.finishSuccess(e)
	}
}
