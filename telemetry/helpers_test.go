package telemetry_test

import (
	"context"
	"testing"
	"time"

	"go.opentelemetry.io/otel/attribute"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/telemetry"
)

// harness is a registered plugin set recording to test kits.
type harness struct {
	spans  *tracetest.SpanRecorder
	reader *sdkmetric.ManualReader
}

// newHarness registers a plugin set of cfg (traces and metrics enabled)
// that records to a span recorder and a manual reader, and unregisters it
// when the test ends.
func newHarness(t *testing.T, edit ...func(*telemetry.Config)) *harness {
	t.Helper()
	cfg := telemetry.Config{Traces: telemetry.TracesConfig{Enabled: true}, Metrics: telemetry.MetricsConfig{Enabled: true}}
	for _, e := range edit {
		e(&cfg)
	}
	h := &harness{spans: tracetest.NewSpanRecorder(), reader: sdkmetric.NewManualReader()}
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(h.spans))
	mp := sdkmetric.NewMeterProvider(sdkmetric.WithReader(h.reader))
	set, err := telemetry.New(cfg, telemetry.WithTracerProvider(tp), telemetry.WithMeterProvider(mp))
	if err != nil {
		t.Fatal(err)
	}
	if err := set.Register(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		set.Unregister()
		tp.Shutdown(context.Background())
		mp.Shutdown(context.Background())
	})
	return h
}

// ended returns the ended spans named name.
func (h *harness) ended(name string) []sdktrace.ReadOnlySpan {
	var out []sdktrace.ReadOnlySpan
	for _, s := range h.spans.Ended() {
		if s.Name() == name {
			out = append(out, s)
		}
	}
	return out
}

// one returns the only ended span named name.
func (h *harness) one(t *testing.T, name string) sdktrace.ReadOnlySpan {
	t.Helper()
	ss := h.ended(name)
	if len(ss) != 1 {
		t.Fatalf("%d spans named %q ended, want 1 (all: %v)", len(ss), name, names(h.spans.Ended()))
	}
	return ss[0]
}

func names(ss []sdktrace.ReadOnlySpan) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Name())
	}
	return out
}

// metric returns the collected metric named name, or fails.
func (h *harness) metric(t *testing.T, name string) metricdata.Metrics {
	t.Helper()
	var rm metricdata.ResourceMetrics
	if err := h.reader.Collect(context.Background(), &rm); err != nil {
		t.Fatal(err)
	}
	for _, sm := range rm.ScopeMetrics {
		for _, m := range sm.Metrics {
			if m.Name == name {
				if sm.Scope.Name != telemetry.MeterName {
					t.Errorf("%s recorded by meter %q, want %q", name, sm.Scope.Name, telemetry.MeterName)
				}
				return m
			}
		}
	}
	t.Fatalf("metric %q not recorded", name)
	return metricdata.Metrics{}
}

func attrs(kvs []attribute.KeyValue) map[attribute.Key]attribute.Value {
	m := map[attribute.Key]attribute.Value{}
	for _, kv := range kvs {
		m[kv.Key] = kv.Value
	}
	return m
}

// hasAttr reports an error unless kvs holds key with value want (type and
// value).
func hasAttr(t *testing.T, what string, kvs []attribute.KeyValue, want attribute.KeyValue) {
	t.Helper()
	got, ok := attrs(kvs)[want.Key]
	if !ok {
		t.Errorf("%s: no attribute %s", what, want.Key)
		return
	}
	if got.Type() != want.Value.Type() || got.Emit() != want.Value.Emit() {
		t.Errorf("%s: %s = %s %s, want %s %s", what, want.Key, got.Type(), got.Emit(), want.Value.Type(), want.Value.Emit())
	}
}

func lacksAttr(t *testing.T, what string, kvs []attribute.KeyValue, key string) {
	t.Helper()
	if v, ok := attrs(kvs)[attribute.Key(key)]; ok {
		t.Errorf("%s: unexpected attribute %s = %s", what, key, v.Emit())
	}
}

// Subjects of the four lifecycles, as stdlib's would be.

type session struct {
	backend, contextType string
}

func (s *session) SessionStart() hooks.SessionPayload {
	return hooks.SessionPayload{Backend: s.backend, ModelID: "m1", ContextType: s.contextType}
}

func (s *session) SessionEnd(err error) hooks.SessionPayload {
	p := s.SessionStart()
	p.Err = err
	return p
}

type component struct {
	typ      string
	reqs     []string
	strategy string
	format   string
	tools    bool
	result   string
	logs     int
}

func (c *component) ComponentStart() hooks.ComponentPayload {
	return hooks.ComponentPayload{ComponentType: c.typ, Requirements: c.reqs, Strategy: c.strategy, Format: c.format, ToolCalls: c.tools}
}

func (c *component) ComponentEnd(err error) hooks.ComponentPayload {
	p := c.ComponentStart()
	if err != nil {
		p.Err, p.ErrorKind = err, hooks.ErrorKind(err)
		return p
	}
	p.Result, p.NumGenerateLogs, p.SamplingSuccess = c.result, c.logs, true
	return p
}

type generation struct {
	model, provider string
	remote, stream  bool
	respModel       string
	respID          string
	finish          []string
	usage           hooks.Usage
	latency, ttft   time.Duration
}

func (g *generation) GenerationStart() hooks.GenerationPayload {
	return hooks.GenerationPayload{Model: g.model, Provider: g.provider, Stream: g.stream, Remote: g.remote}
}

func (g *generation) GenerationEnd(err error) hooks.GenerationPayload {
	p := g.GenerationStart()
	p.Latency = g.latency
	if err != nil {
		p.Err, p.ErrorCategory = err, hooks.ErrorCategory(err)
		return p
	}
	p.ResponseModel, p.ResponseID, p.FinishReasons = g.respModel, g.respID, g.finish
	p.Usage, p.TimeToFirstToken = g.usage, g.ttft
	return p
}

type stream struct {
	reqs     int
	chunking string
	end      hooks.StreamingEndPayload // the end payload, but for the error
}

func (s *stream) StreamingStart() hooks.StreamingStartPayload {
	return hooks.StreamingStartPayload{HasRequirements: s.reqs > 0, RequirementCount: s.reqs, ChunkingStrategy: s.chunking}
}

func (s *stream) StreamingEnd(err error) hooks.StreamingEndPayload {
	e := s.end
	if err != nil {
		e.Success, e.Err, e.FailureReason, e.ErrorCategory = false, err, err.Error(), hooks.ErrorCategory(err)
	}
	return e
}

// faultError is a categorized backend error.
type faultError struct{ msg string }

func (e *faultError) Error() string         { return e.msg }
func (e *faultError) ErrorCategory() string { return hooks.CategoryRateLimit }
func (e *faultError) ErrorKind() string     { return "RateLimitError" }

// profileMain selects the names of mellea main.
func profileMain(c *telemetry.Config) { c.Names = "main" }

// What hookweave weaves into an annotated function, per lifecycle.

func inSession(ctx context.Context, s *session, body func(context.Context) error) (err error) {
	ctx, call, err := hooks.BeginSession(ctx, s)
	if err != nil {
		return err
	}
	defer func() { err = call.End(recover(), err) }()
	return run(ctx, body)
}

func inAction(ctx context.Context, c *component, body func(context.Context) error) (err error) {
	ctx, call, err := hooks.BeginComponent(ctx, c)
	if err != nil {
		return err
	}
	defer func() { err = call.End(recover(), err) }()
	return run(ctx, body)
}

func inGeneration(ctx context.Context, g *generation, body func(context.Context) error) (err error) {
	ctx, call, err := hooks.BeginGeneration(ctx, g)
	if err != nil {
		return err
	}
	defer func() { err = call.End(recover(), err) }()
	return run(ctx, body)
}

// inStream runs body in a streaming lifecycle; body gets the stream's id
// for its events.
func inStream(ctx context.Context, s *stream, body func(ctx context.Context, id string) error) (err error) {
	ctx, call, err := hooks.BeginStreaming(ctx, s)
	if err != nil {
		return err
	}
	defer func() { err = call.End(recover(), err) }()
	if body == nil {
		return nil
	}
	return body(ctx, call.ID())
}

func run(ctx context.Context, body func(context.Context) error) error {
	if body == nil {
		return nil
	}
	return body(ctx)
}
