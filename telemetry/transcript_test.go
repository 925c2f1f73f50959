package telemetry_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/stdlib/backend"
	"github.com/hookweave/hookweave/stdlib/backend/scripted"
	"github.com/hookweave/hookweave/stdlib/requirement"
	msession "github.com/hookweave/hookweave/stdlib/session"
	"github.com/hookweave/hookweave/stdlib/streaming"
	"github.com/hookweave/hookweave/telemetry"
)

var update = flag.Bool("update", false, "rewrite the telemetry transcripts under testdata")

// scenario is one run of the real library inside a session.
type scenario struct {
	name    string
	backend backend.Backend
	in      msession.Instruction
	consume func(ctx context.Context, cancel context.CancelFunc, s *msession.Session, in msession.Instruction)
}

// drainAll ranges over every chunk.
func drainAll(ctx context.Context, _ context.CancelFunc, s *msession.Session, in msession.Instruction) {
	for range s.Stream(ctx, in).Chunks() {
	}
}

// noStream is a backend that cannot stream: the stream fails at setup.
type noStream struct{}

func (noStream) Name() string  { return "scripted" }
func (noStream) Model() string { return "whole" }
func (noStream) Generate(context.Context, backend.Request) (backend.Response, error) {
	return backend.Response{Text: "whole"}, nil
}

func scenarios() []scenario {
	reply := "One is fine. Two is fine. Three is fine. "
	judge := scripted.New("Yes, it is.", scripted.WithModel("judge"))
	return []scenario{
		{"success_llm_judge", scripted.New(reply, scripted.WithDelta(4)), msession.Instruction{Text: "Say three things.",
			Requirements: []requirement.Requirement{requirement.MaxWords(40), requirement.LLMJudge("it is calm")}, Validator: judge}, drainAll},
		{"midstream_failure", scripted.New(reply, scripted.WithDelta(4)), msession.Instruction{Text: "Say three things.",
			Requirements: []requirement.Requirement{requirement.Forbid("Two")}}, drainAll},
		{"flush_failure", scripted.New("One is fine. Two is bad", scripted.WithDelta(4)), msession.Instruction{Text: "Say two things.",
			Requirements: []requirement.Requirement{requirement.Forbid("bad")}}, drainAll},
		{"backend_error", scripted.New(reply, scripted.WithDelta(4), scripted.WithFailAfter(5), scripted.WithFailCategory(hooks.CategoryRateLimit)),
			msession.Instruction{Text: "Say three things.", Requirements: []requirement.Requirement{requirement.MaxWords(40)}}, drainAll},
		{"consumer_stop", scripted.New(reply, scripted.WithDelta(4)), msession.Instruction{Text: "Say three things."},
			func(ctx context.Context, _ context.CancelFunc, s *msession.Session, in msession.Instruction) {
				for range s.Stream(ctx, in).Chunks() {
					break
				}
			}},
		{"cancelled_context", scripted.New(reply, scripted.WithDelta(4)), msession.Instruction{Text: "Say three things."},
			func(ctx context.Context, cancel context.CancelFunc, s *msession.Session, in msession.Instruction) {
				ctx, stop := context.WithCancel(ctx)
				defer stop()
				for _, err := range s.Stream(ctx, in).Chunks() {
					if err == nil {
						stop()
					}
				}
			}},
		{"setup_failure", noStream{}, msession.Instruction{Text: "Say it."}, drainAll},
		// Three attempts, the last passing: a chat span per attempt under
		// the one stream span, a retry event before each retry.
		{"retried_stream", scripted.New("", scripted.WithDelta(4), scripted.WithReplies(
			"One is fine. Two is bad. Three is fine. ", "Uno is fine. Dos is bad. ", reply)),
			msession.Instruction{Text: "Say three things.", Requirements: []requirement.Requirement{requirement.Forbid("bad")},
				Strategy: streaming.RepairTemplate(3)}, drainAll},
	}
}

// TestTranscripts runs each scenario under each profile through the real
// library and compares everything the telemetry emitted, as canonical
// text, with testdata/transcripts/<profile>/<scenario>.txt (-update
// rewrites them).
func TestTranscripts(t *testing.T) {
	if !hooks.Woven() {
		t.Skip("the library's lifecycles fire only in a woven build (go test -toolexec=hookweave)")
	}
	for _, profile := range []string{telemetry.ProfileV07, telemetry.ProfileMain} {
		for _, sc := range scenarios() {
			t.Run(profile+"/"+sc.name, func(t *testing.T) {
				h := newHarness(t, func(c *telemetry.Config) {
					c.Names = profile
					c.Traces.ChunkEvents, c.Metrics.ChunkEvents = true, true
					c.Metrics.Prices = telemetry.Prices{scripted.DefaultModel: {Input: 0.25, Output: 1}}
				})
				err := msession.Run(context.Background(), msession.Config{Backend: sc.backend}, func(ctx context.Context, s *msession.Session) error {
					sc.consume(ctx, nil, s, sc.in)
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
				got := transcript(t, h)
				golden(t, filepath.Join("testdata", "transcripts", profile, sc.name+".txt"), got)
			})
		}
	}
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to write it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (-update rewrites it)\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

// transcript renders every ended span and every metric data point as
// canonical text: spans by their path of names, attributes sorted, events
// in order; ids and timings replaced by placeholders.
func transcript(t *testing.T, h *harness) string {
	var blocks []string
	spans := h.spans.Ended()
	byID := map[string]sdktrace.ReadOnlySpan{}
	for _, s := range spans {
		byID[s.SpanContext().SpanID().String()] = s
	}
	for _, s := range spans {
		blocks = append(blocks, spanText(s, byID))
	}
	slices.Sort(blocks)
	var rm metricdata.ResourceMetrics
	if err := h.reader.Collect(context.Background(), &rm); err != nil {
		t.Fatal(err)
	}
	var ms []string
	for _, sm := range rm.ScopeMetrics {
		for _, m := range sm.Metrics {
			ms = append(ms, metricText(sm.Scope.Name, m))
		}
	}
	slices.Sort(ms)
	return strings.Join(append(blocks, ms...), "")
}

// path is the span's name preceded by its ancestors'.
func path(s sdktrace.ReadOnlySpan, byID map[string]sdktrace.ReadOnlySpan) string {
	p := s.Name()
	for parent, ok := byID[s.Parent().SpanID().String()]; ok; parent, ok = byID[parent.Parent().SpanID().String()] {
		p = parent.Name() + " > " + p
	}
	return p
}

func spanText(s sdktrace.ReadOnlySpan, byID map[string]sdktrace.ReadOnlySpan) string {
	var b strings.Builder
	fmt.Fprintf(&b, "span %s\n  scope %s\n  kind %s\n  status %s %q\n", path(s, byID), s.InstrumentationScope().Name, s.SpanKind(), s.Status().Code, s.Status().Description)
	for _, line := range attrLines(s.Attributes()) {
		fmt.Fprintf(&b, "  attr %s\n", line)
	}
	for _, e := range s.Events() {
		fmt.Fprintf(&b, "  event %s\n", e.Name)
		for _, line := range attrLines(e.Attributes) {
			fmt.Fprintf(&b, "    attr %s\n", line)
		}
	}
	if n := s.DroppedEvents(); n > 0 {
		fmt.Fprintf(&b, "  dropped events %d\n", n)
	}
	return b.String()
}

var hexID = regexp.MustCompile(`^[0-9a-f]{32}$`)

// attrLines renders attributes sorted by key as key=type:value; an id is
// <id> and a float (a timing) is <float>.
func attrLines(kvs []attribute.KeyValue) []string {
	var out []string
	for _, kv := range kvs {
		v := kv.Value.Emit()
		switch {
		case kv.Value.Type() == attribute.FLOAT64:
			v = "<float>"
		case kv.Value.Type() == attribute.STRING && hexID.MatchString(v):
			v = "<id>"
		case kv.Value.Type() == attribute.STRING:
			v = fmt.Sprintf("%q", v)
		}
		out = append(out, fmt.Sprintf("%s=%s:%s", kv.Key, strings.ToLower(kv.Value.Type().String()), v))
	}
	slices.Sort(out)
	return out
}

func metricText(scope string, m metricdata.Metrics) string {
	var b strings.Builder
	var points []string
	kind := ""
	switch d := m.Data.(type) {
	case metricdata.Sum[int64]:
		kind = "counter"
		for _, p := range d.DataPoints {
			points = append(points, fmt.Sprintf("{%s} value=%d", strings.Join(attrLines(p.Attributes.ToSlice()), " "), p.Value))
		}
	case metricdata.Sum[float64]:
		kind = "counter"
		for _, p := range d.DataPoints {
			points = append(points, fmt.Sprintf("{%s} value=%.6g", strings.Join(attrLines(p.Attributes.ToSlice()), " "), p.Value))
		}
	case metricdata.Histogram[float64]:
		kind = "histogram"
		for _, p := range d.DataPoints {
			points = append(points, fmt.Sprintf("{%s} count=%d bounds=%v", strings.Join(attrLines(p.Attributes.ToSlice()), " "), p.Count, p.Bounds))
		}
	case metricdata.Histogram[int64]:
		kind = "histogram"
		for _, p := range d.DataPoints {
			points = append(points, fmt.Sprintf("{%s} count=%d sum=%d bounds=%v", strings.Join(attrLines(p.Attributes.ToSlice()), " "), p.Count, p.Sum, p.Bounds))
		}
	default:
		kind = fmt.Sprintf("%T", d)
	}
	slices.Sort(points)
	fmt.Fprintf(&b, "metric %s\n  scope %s\n  kind %s\n  unit %q\n  description %q\n", m.Name, scope, kind, m.Unit, m.Description)
	for _, p := range points {
		fmt.Fprintf(&b, "  point %s\n", p)
	}
	return b.String()
}
