package main

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"testing"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/stdlib/backend/scripted"

	// The plugin set, which hookweave links into a woven program's main
	// but not into a test binary.
	_ "github.com/hookweave/hookweave/telemetry/plugins"
)

// TestOneTrace calls the woven server through an otelhttp client under a
// span of the caller's: one trace holds the caller's span, the client's,
// the server's and session > action > stream_with_chunking > chat below
// it. The server's spans reach the program's own tracer provider (an
// in-memory one here) because no exporter switch is on; the trace context
// crosses the request by the propagator the plugin set installs (the test
// installs none). The plugin set reads its switches at init, so the test
// runs itself again with MELLEA_TRACES_ENABLED=1, and a test binary gets
// the plugin set by the import above.
func TestOneTrace(t *testing.T) {
	if !hooks.Woven() {
		t.Skip("the library's spans exist in a woven build: go test -toolexec=hookweave")
	}
	if os.Getenv("MELLEA_TRACES_ENABLED") != "1" {
		cmd := exec.Command(os.Args[0], "-test.run=^TestOneTrace$", "-test.v")
		cmd.Env = append(os.Environ(), "MELLEA_TRACES_ENABLED=1", "MELLEA_TRACES_CONSOLE=", "MELLEA_TRACES_OTLP=", "OTEL_PROPAGATORS=")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		t.Logf("%s", out)
		return
	}
	rec := tracetest.NewSpanRecorder()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec))
	otel.SetTracerProvider(tp)
	srv := httptest.NewServer(newMux(scripted.New(reply)))
	defer srv.Close()
	client := &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport)}

	ctx, caller := tp.Tracer("test").Start(context.Background(), "caller")
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+"/chat?prompt=hi", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	caller.End()
	srv.Close() // the server span has ended

	spans := rec.Ended()
	byID := map[trace.SpanID]sdktrace.ReadOnlySpan{}
	for _, s := range spans {
		byID[s.SpanContext().SpanID()] = s
		if s.SpanContext().TraceID() != caller.SpanContext().TraceID() {
			t.Errorf("span %q is in trace %s, not the caller's %s", s.Name(), s.SpanContext().TraceID(), caller.SpanContext().TraceID())
		}
	}
	var chat sdktrace.ReadOnlySpan
	for _, s := range spans {
		if s.Name() == "chat" {
			chat = s
		}
	}
	if chat == nil {
		t.Fatalf("no chat span among %d spans", len(spans))
	}
	// From chat up: each step's name (or, for otelhttp's, its kind).
	want := []string{"chat", "stream_with_chunking", "action", "session", "server", "client", "caller"}
	var got []string
	for s, ok := chat, true; ok; s, ok = byID[s.Parent().SpanID()] {
		switch s.SpanKind() {
		case trace.SpanKindServer, trace.SpanKindClient:
			got = append(got, s.SpanKind().String())
		default:
			got = append(got, s.Name())
		}
	}
	if len(got) != len(want) {
		t.Fatalf("chat's ancestors %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("chat's ancestors %v, want %v", got, want)
		}
	}
}
