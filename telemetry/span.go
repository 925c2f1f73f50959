package telemetry

import (
	"context"
	"unicode/utf8"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

// spanKey keys the span of one lifecycle kind in a context.
type spanKey uint8

const (
	sessionSpanKey spanKey = iota + 1
	actionSpanKey
	chatSpanKey
	streamSpanKey
)

// heldSpan is what a start hook leaves in the context: its span and the
// lifecycle's correlation id, so the end hook ends the right span.
type heldSpan struct {
	id   string
	span trace.Span
}

// withSpan returns a context that carries span as the current span and as
// the span of lifecycle kind k with correlation id id.
func withSpan(ctx context.Context, k spanKey, id string, span trace.Span) context.Context {
	ctx = trace.ContextWithSpan(ctx, span)
	return context.WithValue(ctx, k, heldSpan{id: id, span: span})
}

// spanOf returns the span of kind k with correlation id id that ctx
// carries, or nil when it carries none (the start hook fired before the
// plugin was registered, or the context is not the lifecycle's).
func spanOf(ctx context.Context, k spanKey, id string) trace.Span {
	h, ok := ctx.Value(k).(heldSpan)
	if !ok || h.id != id || !h.span.IsRecording() {
		return nil
	}
	return h.span
}

// endWithError records err on span and sets its status and error.type.
func endWithError(span trace.Span, err error, errType string, opts ...trace.SpanEndOption) {
	span.RecordError(err)
	span.SetStatus(codes.Error, err.Error())
	span.SetAttributes(attribute.String(AttrErrorType, errType))
	span.End(opts...)
}

// chars counts characters as mellea (Python's len) does.
func chars(s string) int { return utf8.RuneCountInString(s) }

// truncate cuts s to maxResponseChars characters followed by "...".
func truncate(s string) string {
	if chars(s) <= maxResponseChars {
		return s
	}
	n := 0
	for i := range s {
		if n == maxResponseChars {
			return s[:i] + truncationMark
		}
		n++
	}
	return s
}
