package telemetry

import (
	"context"
	"errors"
	"fmt"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/trace"

	"github.com/hookweave/hookweave/hooks"
)

// The span of a program's own function annotated //mellea:hook span is
// hookweave's, in both name profiles (mellea has none): INTERNAL, named
// after the annotation, under the span of the context the function was
// called with, with OpenTelemetry's code.function.name, code.file.path
// and code.line.number. A returned error sets ERROR with its text and
// error.type (hooks.ErrorKind); a panic records the exception event too.

// funcSpanStart opens the span at span_start and makes it current for the
// rest of the function.
func (t *tracing) funcSpanStart(ctx context.Context, s *hooks.SpanPayload) hooks.Result {
	ctx, span := t.app.Start(ctx, s.Name, trace.WithTimestamp(s.Timestamp), trace.WithSpanKind(trace.SpanKindInternal),
		trace.WithAttributes(
			semconv.CodeFunctionName(s.Function),
			semconv.CodeFilePath(s.File),
			semconv.CodeLineNumber(s.Line),
		))
	return hooks.Result{Context: withSpan(ctx, funcSpanKey, s.SpanID, span)}
}

// funcSpanEnd ends the span at span_end with the function's outcome.
func (t *tracing) funcSpanEnd(ctx context.Context, s *hooks.SpanPayload) {
	span := spanOf(ctx, funcSpanKey, s.SpanID)
	if span == nil {
		return
	}
	if s.Err != nil {
		var pe *hooks.PanicError
		if errors.As(s.Err, &pe) {
			recordException(t.n, span, s.ErrorKind, fmt.Sprint(pe.Value), trace.WithTimestamp(s.Timestamp))
		}
		span.SetStatus(codes.Error, s.Err.Error())
		span.SetAttributes(attribute.String(t.n.ErrorType, s.ErrorKind))
	}
	span.End(trace.WithTimestamp(s.Timestamp))
}
