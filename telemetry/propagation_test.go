package telemetry_test

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"testing"

	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/trace"

	"github.com/hookweave/hookweave/telemetry"
)

// remote is a sampled span context as a caller sends it.
var remote = trace.NewSpanContext(trace.SpanContextConfig{
	TraceID:    trace.TraceID{0x4b, 0xf9, 0x2f, 0x35, 0x77, 0xb3, 0x4d, 0xa6, 0xa3, 0xce, 0x92, 0x9d, 0x0e, 0x0e, 0x47, 0x36},
	SpanID:     trace.SpanID{0x00, 0xf0, 0x67, 0xaa, 0x0b, 0xa9, 0x02, 0xb7},
	TraceFlags: trace.FlagsSampled,
	Remote:     true,
})

// inject returns the headers p writes for remote.
func inject(p propagation.TextMapPropagator) http.Header {
	h := http.Header{}
	p.Inject(trace.ContextWithSpanContext(context.Background(), remote), propagation.HeaderCarrier(h))
	return h
}

func TestPropagator(t *testing.T) {
	for _, tc := range []struct {
		name, env string
		headers   []string // the headers the propagator writes, canonical, sorted
		warn      []string // substrings of the warning; nil: none
	}{
		{"unset: trace context and baggage", "", nil, nil},
		{"none", "none", []string{}, nil},
		{"none among others", "tracecontext,none", []string{}, nil},
		{"b3, any case, spaces", " B3 ", []string{"B3"}, nil},
		{"b3 multi-header and trace context", "b3multi,tracecontext", []string{"Traceparent", "X-B3-Sampled", "X-B3-Spanid", "X-B3-Traceid"}, nil},
		{"jaeger", "jaeger", []string{"Uber-Trace-Id"}, nil},
		{"unknown alone: the default", "carrier-pigeon", []string{"Traceparent"}, []string{`OTEL_PROPAGATORS="carrier-pigeon"`, "carrier-pigeon", "using tracecontext,baggage"}},
		{"unknown among known: left out", "b3,zipkin9", []string{"B3"}, []string{"zipkin9", "left out"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := telemetry.Propagator(func(k string) string {
				if k == telemetry.EnvPropagators {
					return tc.env
				}
				return ""
			})
			switch {
			case tc.warn == nil && err != nil:
				t.Errorf("warning %v", err)
			case tc.warn != nil && err == nil:
				t.Errorf("no warning, want one with %q", tc.warn)
			case err != nil:
				for _, w := range tc.warn {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("warning %q lacks %q", err, w)
					}
				}
			}
			want := tc.headers
			if want == nil {
				want = []string{"Traceparent"}
			}
			got := slices.Sorted(func(yield func(string) bool) {
				for k := range inject(p) {
					if !yield(k) {
						return
					}
				}
			})
			if !slices.Equal(got, want) {
				t.Errorf("headers written %v, want %v", got, want)
			}
			// A propagator continues the trace it writes (none continues nothing).
			sc := trace.SpanContextFromContext(p.Extract(context.Background(), propagation.HeaderCarrier(inject(p))))
			if len(want) > 0 && sc.TraceID() != remote.TraceID() {
				t.Errorf("extracted trace %s, want %s", sc.TraceID(), remote.TraceID())
			}
			if len(want) == 0 && sc.IsValid() {
				t.Errorf("none extracted %v", sc)
			}
		})
	}
}

// The default propagates baggage as well as trace context.
func TestPropagator_DefaultCarriesBaggage(t *testing.T) {
	p, err := telemetry.Propagator(func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Fields(); !slices.Contains(got, "baggage") || !slices.Contains(got, "traceparent") {
		t.Errorf("fields %v, want traceparent and baggage among them", got)
	}
}
