package telemetry_test

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	metricnoop "go.opentelemetry.io/otel/metric/noop"
	"go.opentelemetry.io/otel/trace/noop"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/telemetry"
)

func TestNew_EverythingOffBuildsAndRegistersNothing(t *testing.T) {
	set, err := telemetry.New(telemetry.Config{ServiceName: "mellea"})
	if err != nil {
		t.Fatal(err)
	}
	if !set.Empty() || set.TracerProvider() != nil || set.MeterProvider() != nil {
		t.Fatal("a disabled configuration built a plugin or a provider")
	}
	if err := set.Register(); err != nil {
		t.Fatal(err)
	}
	defer set.Unregister()
	for _, h := range hooks.Hooks() {
		if hooks.Listening(h) {
			t.Errorf("a plugin listens to %s with telemetry off", h)
		}
	}
	// The lifecycles stay inert: nothing to end, nothing recorded.
	if _, call, _ := hooks.BeginStreaming(ctx, &stream{}); call != nil {
		t.Error("the streaming lifecycle began with telemetry off")
	}
	if err := set.Shutdown(ctx); err != nil {
		t.Error(err)
	}
}

func TestRegister_UnregisterRemovesThePlugins(t *testing.T) {
	cfg := telemetry.Config{Traces: telemetry.TracesConfig{Enabled: true}, Metrics: telemetry.MetricsConfig{Enabled: true}}
	set, err := telemetry.New(cfg, telemetry.WithTracerProvider(noop.NewTracerProvider()), telemetry.WithMeterProvider(metricnoop.NewMeterProvider()))
	if err != nil {
		t.Fatal(err)
	}
	if err := set.Register(); err != nil {
		t.Fatal(err)
	}
	if err := set.Register(); err == nil {
		t.Error("a second Register of the same set succeeded")
	}
	for _, h := range hooks.Hooks() {
		want := h != hooks.SessionReset && h != hooks.GenerationEvent
		if hooks.Listening(h) != want {
			t.Errorf("listening to %s: %v, want %v", h, hooks.Listening(h), want)
		}
	}
	set.Unregister()
	for _, h := range hooks.Hooks() {
		if hooks.Listening(h) {
			t.Errorf("still listening to %s after Unregister", h)
		}
	}
}

// syncBuffer is a bytes.Buffer safe for exporters' goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// newSet builds and registers the set of cfg with its own providers; the
// test shuts it down.
func newSet(t *testing.T, cfg telemetry.Config, w *syncBuffer) *telemetry.Set {
	t.Helper()
	cfg.ServiceName = "svc"
	set, err := telemetry.New(cfg, telemetry.WithConsoleWriter(w))
	if err != nil {
		t.Fatal(err)
	}
	if err := set.Register(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { set.Shutdown(context.Background()) })
	return set
}

// failedStream runs a session whose stream fails a check on its first chunk.
func failedStream() {
	inSession(ctx, &session{backend: "scripted", contextType: "SimpleContext"}, func(ctx context.Context) error {
		return inStream(ctx, &stream{reqs: 1, chunking: "SentenceChunker", end: hooks.StreamingEndPayload{FailureReason: "Streaming validation failed: too long"}},
			func(ctx context.Context, id string) error {
				inGeneration(ctx, &generation{model: "m1", provider: "scripted", stream: true, latency: time.Second}, nil)
				hooks.EmitEvent(ctx, id, hooks.QuickCheckEvent{Results: []hooks.CheckResult{{Requirement: "LengthReq", Outcome: hooks.Fail}}}, []string{"LengthReq"})
				hooks.EmitEvent(ctx, id, hooks.CompletedEvent{}, nil)
				return nil
			})
	})
}

func TestConsole_TreeOnStderrWhenTheRootEnds(t *testing.T) {
	var out syncBuffer
	newSet(t, telemetry.Config{Traces: telemetry.TracesConfig{Enabled: true, Console: telemetry.ConsoleTree}}, &out)
	failedStream()
	got := out.String()
	for _, line := range []string{
		"\nsession ",
		"\n└─ stream_with_chunking ",
		` ERROR "Streaming validation failed: too long" mellea.has_requirements=true mellea.requirement_count=1 mellea.chunking_strategy=SentenceChunker`,
		"\n   │  • quick_check +",
		" chunk_index=0 passed=false requirement_count=1\n",
		"\n   │  • completed +",
		"\n   └─ chat ",
		" mellea.streaming=true",
	} {
		if !strings.Contains(got, line) {
			t.Errorf("console output lacks %q:\n%s", line, got)
		}
	}
	if !strings.HasPrefix(got, "trace ") {
		t.Errorf("console output does not begin with the trace id:\n%s", got)
	}
}

func TestConsole_JSONOnRequest(t *testing.T) {
	var out syncBuffer
	set := newSet(t, telemetry.Config{Traces: telemetry.TracesConfig{Enabled: true, Console: telemetry.ConsoleJSON}}, &out)
	failedStream()
	if err := set.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{`"Name":"stream_with_chunking"`, `"Name":"quick_check"`, `"Value":"svc"`} {
		if !strings.Contains(got, want) {
			t.Errorf("JSON output lacks %s:\n%s", want, got)
		}
	}
}

func TestConsole_MetricsAtShutdown(t *testing.T) {
	var out syncBuffer
	set := newSet(t, telemetry.Config{Metrics: telemetry.MetricsConfig{Enabled: true, Console: true, ExportInterval: time.Hour}}, &out)
	failedStream()
	if err := set.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"mellea.requirement.checks", "mellea.sampling.failures", "mellea.llm.request.duration"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("console metrics lack %s", want)
		}
	}
}

func TestOTLP_HTTPReachesTheCollectorAtShutdown(t *testing.T) {
	var mu sync.Mutex
	paths := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		paths[r.URL.Path]++
		mu.Unlock()
		w.Header().Set("Content-Type", "application/x-protobuf")
		w.WriteHeader(http.StatusOK)
	}))
	defer srv.Close()
	t.Setenv("OTEL_EXPORTER_OTLP_ENDPOINT", srv.URL)
	cfg := telemetry.Config{
		Traces:  telemetry.TracesConfig{Enabled: true, OTLP: true, Protocol: telemetry.ProtocolHTTPProtobuf},
		Metrics: telemetry.MetricsConfig{Enabled: true, OTLP: true, Protocol: telemetry.ProtocolHTTPProtobuf, ExportInterval: time.Hour},
	}
	set := newSet(t, cfg, &syncBuffer{})
	failedStream()
	if err := set.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if paths["/v1/traces"] == 0 || paths["/v1/metrics"] == 0 {
		t.Errorf("the collector got %v, want /v1/traces and /v1/metrics", paths)
	}
}

func TestOTLP_GRPCShutsDownCleanly(t *testing.T) {
	t.Setenv("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:1")
	cfg := telemetry.Config{
		Traces:  telemetry.TracesConfig{Enabled: true, OTLP: true, Protocol: telemetry.ProtocolGRPC},
		Metrics: telemetry.MetricsConfig{Enabled: true, OTLP: true, Protocol: telemetry.ProtocolGRPC, ExportInterval: time.Hour},
	}
	set := newSet(t, cfg, &syncBuffer{})
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	set.Shutdown(ctx) // nothing listens at that address: the error is expected
	if hooks.Listening(hooks.StreamingStart) {
		t.Error("Shutdown left the plugins registered")
	}
}
