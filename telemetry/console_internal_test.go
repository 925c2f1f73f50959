package telemetry

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"
)

var (
	t0      = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	traceID = trace.TraceID{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}
)

func stub(name string, id, parent byte, from, to time.Duration) tracetest.SpanStub {
	s := tracetest.SpanStub{
		Name:        name,
		SpanContext: trace.NewSpanContext(trace.SpanContextConfig{TraceID: traceID, SpanID: trace.SpanID{id}}),
		StartTime:   t0.Add(from),
		EndTime:     t0.Add(to),
		SpanKind:    trace.SpanKindInternal,
	}
	if parent != 0 {
		s.Parent = trace.NewSpanContext(trace.SpanContextConfig{TraceID: traceID, SpanID: trace.SpanID{parent}})
	}
	return s
}

func sampleTrace() []sdktrace.ReadOnlySpan {
	ms := time.Millisecond
	session := stub("session", 1, 0, 0, 40*ms)
	session.Attributes = []attribute.KeyValue{attribute.String("mellea.session.id", "s-1"), attribute.String("gen_ai.provider.name", "scripted")}
	action := stub("action", 2, 1, 5*ms, 35*ms)
	action.Attributes = []attribute.KeyValue{attribute.String("mellea.component.type", "Instruction")}
	stream := stub("stream_with_chunking", 3, 2, 10*ms, 30*ms)
	stream.Attributes = []attribute.KeyValue{attribute.Bool("mellea.has_requirements", true), attribute.Int("mellea.requirement_count", 1), attribute.String("mellea.chunking_strategy", "SentenceChunker")}
	stream.Status = sdktrace.Status{Code: codes.Error, Description: "Streaming validation failed: too long"}
	stream.Events = []sdktrace.Event{
		{Name: "quick_check", Time: t0.Add(21 * ms), Attributes: []attribute.KeyValue{attribute.Int("chunk_index", 0), attribute.Bool("passed", false), attribute.Int("requirement_count", 1)}},
		{Name: "completed", Time: t0.Add(29500 * time.Microsecond), Attributes: []attribute.KeyValue{attribute.Bool("success", false), attribute.Int("full_text_length", 0)}},
	}
	chat := stub("chat m1", 4, 3, 11*ms, 21*ms)
	chat.SpanKind = trace.SpanKindClient
	chat.Attributes = []attribute.KeyValue{attribute.String("gen_ai.operation.name", "chat"), attribute.StringSlice("gen_ai.response.finish_reasons", []string{"stop"})}
	judge := stub("chat judge", 5, 3, 22*ms, 25*ms)
	judge.Attributes = []attribute.KeyValue{attribute.String("gen_ai.response.id", "")}
	// Children end first; the root last.
	return tracetest.SpanStubs{chat, judge, stream, action, session}.Snapshots()
}

const sampleTree = `trace 0102030405060708090a0b0c0d0e0f10
session 40ms mellea.session.id=s-1 gen_ai.provider.name=scripted
└─ action 30ms mellea.component.type=Instruction
   └─ stream_with_chunking 20ms ERROR "Streaming validation failed: too long" mellea.has_requirements=true mellea.requirement_count=1 mellea.chunking_strategy=SentenceChunker
      │  • quick_check +11ms chunk_index=0 passed=false requirement_count=1
      │  • completed +19.5ms success=false full_text_length=0
      ├─ chat m1 client 10ms gen_ai.operation.name=chat gen_ai.response.finish_reasons=["stop"]
      └─ chat judge 3ms gen_ai.response.id=""
`

func TestTreeExporter_PrintsTheTraceWhenItsRootEnds(t *testing.T) {
	var buf bytes.Buffer
	e := newTreeExporter(&buf)
	spans := sampleTrace()
	for _, s := range spans[:len(spans)-1] {
		e.ExportSpans(context.Background(), []sdktrace.ReadOnlySpan{s})
	}
	if buf.Len() != 0 {
		t.Fatalf("printed before the root ended:\n%s", buf.String())
	}
	e.ExportSpans(context.Background(), spans[len(spans)-1:])
	if got := buf.String(); got != sampleTree {
		t.Errorf("tree:\n%s\nwant:\n%s", got, sampleTree)
	}
	buf.Reset()
	e.Shutdown(context.Background())
	if buf.Len() != 0 {
		t.Errorf("shutdown printed a trace again:\n%s", buf.String())
	}
}

func TestTreeExporter_ShutdownPrintsWhatIsLeft(t *testing.T) {
	var buf bytes.Buffer
	e := newTreeExporter(&buf)
	spans := sampleTrace()
	e.ExportSpans(context.Background(), spans[:3]) // the chats and the stream; its parent never ends
	e.Shutdown(context.Background())
	want := `trace 0102030405060708090a0b0c0d0e0f10
stream_with_chunking 20ms ERROR "Streaming validation failed: too long" mellea.has_requirements=true mellea.requirement_count=1 mellea.chunking_strategy=SentenceChunker
│  • quick_check +11ms chunk_index=0 passed=false requirement_count=1
│  • completed +19.5ms success=false full_text_length=0
├─ chat m1 client 10ms gen_ai.operation.name=chat gen_ai.response.finish_reasons=["stop"]
└─ chat judge 3ms gen_ai.response.id=""
`
	if got := buf.String(); got != want {
		t.Errorf("tree:\n%s\nwant:\n%s", got, want)
	}
}

// OTEL_SPAN_EVENT_COUNT_LIMIT reaches the provider New builds, and the
// tree says how many events a span dropped.
func TestConsole_EventLimitFromTheEnvironmentAndDroppedEvents(t *testing.T) {
	t.Setenv(EnvSpanEventCountLimit, "3")
	var buf bytes.Buffer
	tp, err := newTracerProvider(context.Background(), Config{Traces: TracesConfig{Enabled: true, Console: ConsoleTree}}, &buf)
	if err != nil {
		t.Fatal(err)
	}
	_, span := tp.Tracer("t").Start(context.Background(), "long")
	for range 5 {
		span.AddEvent("chunk")
	}
	span.End()
	if err := tp.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	got := buf.String()
	if n := strings.Count(got, "• chunk"); n != 3 {
		t.Errorf("%d events printed, want the limit, 3:\n%s", n, got)
	}
	if !strings.Contains(got, "… 2 events dropped (raise OTEL_SPAN_EVENT_COUNT_LIMIT)\n") {
		t.Errorf("the tree does not say that 2 events were dropped:\n%s", got)
	}
}
