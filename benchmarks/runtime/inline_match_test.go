package runtime

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"github.com/hookweave/hookweave/stdlib/backend/scripted"
)

// TestInlineMatchesWoven holds the inline reference to the woven
// telemetry: the same stream recorded through each, on the same SDK
// set-up, gives the same spans (name, kind, scope, parent, attributes,
// events with their attributes, status) and the same metric points (name,
// unit, description, attributes, sums, histogram counts and bounds). Timestamps,
// latencies, ids and exemplars differ by nature and are left out.
func TestInlineMatchesWoven(t *testing.T) {
	text := sentences(20)
	woven := record(t, func(s *sdk) {
		set := s.weave(t)
		defer set.Unregister() // the inline stream runs with no plugin
		if n := wovenStream(t, scripted.New(text, scripted.WithDelta(perChunkDelta))); n != 20 {
			t.Fatalf("woven stream delivered %d chunks, want 20", n)
		}
	})
	inline := record(t, func(s *sdk) {
		in, err := newInline(s)
		if err != nil {
			t.Fatal(err)
		}
		if n := in.stream(t, scripted.New(text, scripted.WithDelta(perChunkDelta))); n != 20 {
			t.Fatalf("inline stream delivered %d chunks, want 20", n)
		}
	})
	if len(woven) == 0 {
		t.Fatal("the woven stream recorded nothing")
	}
	if !slices.Equal(woven, inline) {
		t.Errorf("telemetry differs\n--- woven\n%s\n--- inline\n%s", strings.Join(woven, "\n"), strings.Join(inline, "\n"))
	}
}

// record runs f on a fresh SDK set-up and returns what was recorded, one
// line per span and per metric point, sorted.
func record(t *testing.T, f func(*sdk)) []string {
	exp := tracetest.NewInMemoryExporter()
	s := newSDK(t, exp)
	f(s)
	var rm metricdata.ResourceMetrics
	if err := s.reader.Collect(context.Background(), &rm); err != nil {
		t.Fatal(err)
	}
	lines := append(spanLines(exp.GetSpans()), metricLines(rm)...)
	slices.Sort(lines)
	return lines
}

func spanLines(spans tracetest.SpanStubs) []string {
	names := map[string]string{}
	for _, s := range spans {
		names[s.SpanContext.SpanID().String()] = s.Name
	}
	var out []string
	for _, s := range spans {
		var b strings.Builder
		fmt.Fprintf(&b, "span %q kind=%s scope=%s parent=%q status=%s:%q attrs=%s",
			s.Name, s.SpanKind, s.InstrumentationScope.Name, names[s.Parent.SpanID().String()],
			s.Status.Code, s.Status.Description, attrs(s.Attributes))
		for _, e := range s.Events {
			fmt.Fprintf(&b, "\n  event %q %s", e.Name, attrs(e.Attributes))
		}
		out = append(out, b.String())
	}
	return out
}

func metricLines(rm metricdata.ResourceMetrics) []string {
	var out []string
	for _, sm := range rm.ScopeMetrics {
		for _, m := range sm.Metrics {
			head := fmt.Sprintf("metric %s/%s unit=%s description=%q", sm.Scope.Name, m.Name, m.Unit, m.Description)
			switch d := m.Data.(type) {
			case metricdata.Sum[int64]:
				for _, p := range d.DataPoints {
					out = append(out, fmt.Sprintf("%s sum %s = %d", head, attrs(p.Attributes.ToSlice()), p.Value))
				}
			case metricdata.Histogram[float64]:
				for _, p := range d.DataPoints {
					out = append(out, fmt.Sprintf("%s histogram %s count=%d bounds=%v", head, attrs(p.Attributes.ToSlice()), p.Count, p.Bounds))
				}
			default:
				out = append(out, fmt.Sprintf("%s of unexpected type %T", head, m.Data))
			}
		}
	}
	return out
}

// attrs formats attributes sorted by key.
func attrs(kvs []attribute.KeyValue) string {
	s := make([]string, len(kvs))
	for i, kv := range kvs {
		s[i] = fmt.Sprintf("%s=%s", kv.Key, kv.Value.Emit())
	}
	slices.Sort(s)
	return "{" + strings.Join(s, " ") + "}"
}
