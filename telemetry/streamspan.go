package telemetry

import (
	"context"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"

	"github.com/hookweave/hookweave/hooks"
)

// streamSpan is the stream_with_chunking span of one stream. Its methods
// are the only code that touches that span: the tracing plugin only decides
// which of them to call.
type streamSpan struct{ span trace.Span }

// startStreamSpan starts the span of the stream p describes and returns
// the context that carries it.
func startStreamSpan(ctx context.Context, tr trace.Tracer, p *hooks.StreamingStart) context.Context {
	ctx, span := tr.Start(ctx, SpanStream,
		trace.WithTimestamp(p.Timestamp),
		trace.WithAttributes(
			attribute.Bool(AttrStreamHasReqs, p.HasRequirements),
			attribute.Int(AttrStreamReqCount, p.RequirementCount),
			attribute.String(AttrStreamChunking, p.ChunkingStrategy),
		))
	return withSpan(ctx, streamSpanKey, p.StreamingID, span)
}

// streamSpanOf returns the span of stream id carried by ctx, or false.
func streamSpanOf(ctx context.Context, id string) (streamSpan, bool) {
	span := spanOf(ctx, streamSpanKey, id)
	return streamSpan{span}, span != nil
}

// addEvent adds the span event of a streaming event, at time at.
func (s streamSpan) addEvent(ev hooks.Event, at time.Time) {
	attrs, ok := eventAttributes(ev)
	if !ok {
		return
	}
	s.span.AddEvent(ev.EventName(), trace.WithTimestamp(at), trace.WithAttributes(attrs...))
}

// eventAttributes returns the attributes of ev's span event; false for an
// event type this package does not know.
func eventAttributes(ev hooks.Event) ([]attribute.KeyValue, bool) {
	switch e := ev.(type) {
	case hooks.QuickCheckEvent:
		return []attribute.KeyValue{
			attribute.Int(EvAttrChunkIndex, e.ChunkIndex),
			attribute.Bool(EvAttrPassed, e.Passed),
			attribute.Int(EvAttrRequirementCount, len(e.Results)),
		}, true
	case hooks.ChunkEvent:
		return []attribute.KeyValue{
			attribute.Int(EvAttrChunkIndex, e.ChunkIndex),
			attribute.Int(EvAttrTextLength, chars(e.Text)),
		}, true
	case hooks.StreamingDoneEvent:
		return []attribute.KeyValue{attribute.Int(EvAttrFullTextLength, chars(e.FullText))}, true
	case hooks.FullValidationEvent:
		return []attribute.KeyValue{
			attribute.Bool(EvAttrPassed, e.Passed),
			attribute.Int(EvAttrRequirementCount, len(e.Results)),
		}, true
	case hooks.ErrorEvent:
		return []attribute.KeyValue{
			attribute.String(EvAttrExceptionType, e.ExceptionType),
			attribute.String(EvAttrDetail, e.Detail),
		}, true
	case hooks.CompletedEvent:
		return []attribute.KeyValue{
			attribute.Bool(EvAttrSuccess, e.Success),
			attribute.Int(EvAttrFullTextLength, chars(e.FullText)),
		}, true
	}
	return nil, false
}

// setEnd sets the end attributes of the stream p describes.
func (s streamSpan) setEnd(p *hooks.StreamingEnd) {
	s.span.SetAttributes(attribute.Int(AttrStreamFullTextLen, p.FullTextLength))
	if p.Model != "" {
		s.span.SetAttributes(attribute.String(AttrGenAIRequestModel, p.Model))
	}
	if p.Provider != "" {
		s.span.SetAttributes(attribute.String(AttrGenAIProvider, p.Provider))
	}
}

// finishSuccess ends the span of a successful stream; its status stays
// UNSET.
func (s streamSpan) finishSuccess(p *hooks.StreamingEnd) {
	s.setEnd(p)
	s.span.End(trace.WithTimestamp(p.Timestamp))
}

// finishError ends the span of a stream that did not succeed. With an error
// it records the exception, sets ERROR with the error's message and
// error.type; otherwise (a failed check, or a consumer that stopped early,
// whose reason is "") it sets ERROR with reason and records no exception.
func (s streamSpan) finishError(p *hooks.StreamingEnd, reason string, err error) {
	s.setEnd(p)
	if err != nil {
		endWithError(s.span, err, hooks.ErrorType(err), trace.WithTimestamp(p.Timestamp))
		return
	}
	s.span.SetStatus(codes.Error, reason)
	s.span.End(trace.WithTimestamp(p.Timestamp))
}
