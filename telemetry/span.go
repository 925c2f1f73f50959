package telemetry

import (
	"context"
	"errors"
	"time"
	"unicode/utf8"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"

	"github.com/hookweave/hookweave/hooks"
)

// spanKey keys the span of one lifecycle kind in a context.
type spanKey uint8

const (
	sessionSpanKey spanKey = iota + 1
	startSessionSpanKey
	actionSpanKey
	chatSpanKey
	streamSpanKey
	funcSpanKey // a program's own function's (//mellea:hook span)
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
	return holdSpan(ctx, k, id, span)
}

// holdSpan returns a context that carries span as the span of lifecycle
// kind k with correlation id id, without making it the current span.
func holdSpan(ctx context.Context, k spanKey, id string, span trace.Span) context.Context {
	return context.WithValue(ctx, k, heldSpan{id: id, span: span})
}

// spanOf returns the span of kind k with correlation id id that ctx
// carries, or nil when it carries none (the start hook fired before the
// plugin was registered, or the context is not the lifecycle's) or the span
// has ended.
func spanOf(ctx context.Context, k spanKey, id string) trace.Span {
	span := heldSpanOf(ctx, k, id)
	if span == nil || !span.IsRecording() {
		return nil
	}
	return span
}

// heldSpanOf is spanOf for a span that may have ended, for calls that a
// span which is not recording ignores anyway (AddEvent): it spares the
// lock IsRecording takes.
func heldSpanOf(ctx context.Context, k spanKey, id string) trace.Span {
	h, ok := ctx.Value(k).(heldSpan)
	if !ok || h.id != id {
		return nil
	}
	return h.span
}

// attrs builds a span's or a metric's attributes, leaving out those whose
// key the release does not have.
type attrs []attribute.KeyValue

func (a *attrs) str(key, v string) {
	if key != "" {
		*a = append(*a, attribute.String(key, v))
	}
}

func (a *attrs) boolean(key string, v bool) {
	if key != "" {
		*a = append(*a, attribute.Bool(key, v))
	}
}

func (a *attrs) integer(key string, v int64) {
	if key != "" {
		*a = append(*a, attribute.Int64(key, v))
	}
}

func (a *attrs) float(key string, v float64) {
	if key != "" {
		*a = append(*a, attribute.Float64(key, v))
	}
}

// recordException adds the exception event of err to span: its kind of
// failure (never a Go type name) and message.
func recordException(n *names, span trace.Span, kind, message string, opts ...trace.EventOption) {
	var a attrs
	a.str(n.ExceptionType, kind)
	a.str(n.ExceptionMessage, message)
	span.AddEvent(n.EventException, append(opts, trace.WithAttributes(a...))...)
}

// endWithError ends span as failed by err, as mellea does: the exception
// recorded, ERROR with the error's message, error.type. A cancellation
// (hooks.ErrCancelled) reads "Generation cancelled" instead of its message.
func endWithError(n *names, span trace.Span, err error, at time.Time) {
	kind := hooks.ErrorKind(err)
	msg := err.Error()
	if errors.Is(err, hooks.ErrCancelled) {
		msg = n.CancelledStatus
	}
	recordException(n, span, kind, msg, trace.WithTimestamp(at))
	span.SetStatus(codes.Error, msg)
	span.SetAttributes(attribute.String(n.ErrorType, kind))
	span.End(trace.WithTimestamp(at))
}

// chars counts characters as mellea (Python's len) does.
func chars(s string) int { return utf8.RuneCountInString(s) }

func stringSlice(key string, v []string) attribute.KeyValue { return attribute.StringSlice(key, v) }
