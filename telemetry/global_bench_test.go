package telemetry_test

import (
	"context"
	"sync"
	"testing"

	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
)

// globalOnce installs the benchmarks' tracer provider as the global one,
// after a tracer was taken from OpenTelemetry's default global provider:
// the way the plugin set records to the program's own provider.
var globalOnce = sync.OnceValues(func() (trace.Tracer, *sdktrace.TracerProvider) {
	delegating := otel.GetTracerProvider().Tracer("bench")
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(discard{}))
	otel.SetTracerProvider(tp)
	return delegating, tp
})

type discard struct{}

func (discard) OnStart(context.Context, sdktrace.ReadWriteSpan) {}
func (discard) OnEnd(sdktrace.ReadOnlySpan)                     {}
func (discard) Shutdown(context.Context) error                  { return nil }
func (discard) ForceFlush(context.Context) error                { return nil }

// BenchmarkSpanThroughGlobal is the cost of a span through a tracer of the
// global provider, taken before the program installed its own (Global),
// against one of that provider itself (Direct). Run both in one go:
//
//	go test -run '^$' -bench SpanThroughGlobal -count 5 ./telemetry
func BenchmarkSpanThroughGlobal(b *testing.B) {
	delegating, tp := globalOnce()
	for _, bc := range []struct {
		name string
		tr   trace.Tracer
	}{{"Direct", tp.Tracer("bench")}, {"Global", delegating}} {
		b.Run(bc.name, func(b *testing.B) {
			ctx := context.Background()
			b.ReportAllocs()
			for b.Loop() {
				_, span := bc.tr.Start(ctx, "span")
				span.End()
			}
		})
	}
}
