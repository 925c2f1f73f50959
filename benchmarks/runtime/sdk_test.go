package runtime

import (
	"context"
	"testing"

	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/telemetry"
)

// sdk is the OpenTelemetry set-up that both the woven plugins and the
// inline reference record to: a tracer provider exporting every span, as
// it ends, to exp, and a meter provider read by reader.
type sdk struct {
	tp     *sdktrace.TracerProvider
	mp     *sdkmetric.MeterProvider
	reader *sdkmetric.ManualReader
}

func newSDK(tb testing.TB, exp sdktrace.SpanExporter) *sdk {
	s := &sdk{reader: sdkmetric.NewManualReader()}
	s.tp = sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(sdktrace.NewSimpleSpanProcessor(exp)))
	s.mp = sdkmetric.NewMeterProvider(sdkmetric.WithReader(s.reader))
	tb.Cleanup(func() {
		s.tp.Shutdown(context.Background())
		s.mp.Shutdown(context.Background())
	})
	return s
}

// weave registers the telemetry plugins (tracing and metrics) on s and
// returns their set; unweave with set.Unregister, which the end of the
// test does too. It skips tb in a plain build, where the streaming
// lifecycle is not woven in.
func (s *sdk) weave(tb testing.TB) *telemetry.Set {
	s.skipPlain(tb)
	cfg := telemetry.Config{Traces: telemetry.TracesConfig{Enabled: true}, Metrics: telemetry.MetricsConfig{Enabled: true}}
	set, err := telemetry.New(cfg, telemetry.WithTracerProvider(s.tp), telemetry.WithMeterProvider(s.mp))
	if err != nil {
		tb.Fatal(err)
	}
	if err := set.Register(); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(set.Unregister)
	return set
}

// skipPlain skips tb in a plain build: the telemetry case compares woven
// and inline in one binary.
func (*sdk) skipPlain(tb testing.TB) {
	if !hooks.Woven() {
		tb.Skip("needs the woven build: go test -toolexec=hookweave")
	}
}

// discard is a span exporter that drops what it is given.
type discard struct{}

func (discard) ExportSpans(context.Context, []sdktrace.ReadOnlySpan) error { return nil }
func (discard) Shutdown(context.Context) error                             { return nil }
