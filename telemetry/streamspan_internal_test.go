package telemetry

import (
	"context"
	"testing"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"
	"go.opentelemetry.io/otel/trace/noop"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/internal/race"
)

// TestStreamSpan_EventsCostNoAllocation checks that a stream span event's
// attributes reach the span without an allocation of this package's (the
// SDK makes its own copy): the per-chunk events are the hot path.
func TestStreamSpan_EventsCostNoAllocation(t *testing.T) {
	n, _ := namesOf("")
	_, span := noop.NewTracerProvider().Tracer("t").Start(context.Background(), "s")
	s := streamSpan{span: span, n: n}
	var qc, chunk hooks.Event = hooks.QuickCheckEvent{ChunkIndex: 3, Passed: true, Results: make([]hooks.CheckResult, 1)}, hooks.ChunkEvent{Text: "Hi.", ChunkIndex: 3}
	if got := testing.AllocsPerRun(100, func() { s.addEvent(qc); s.addEvent(chunk) }); got != 0 && !race.Enabled {
		t.Errorf("two events cost %v allocations, want 0", got)
	}
}

// TestStreamSpan_ScratchIsNotShared checks that events added one after
// the other through the pooled scratch each keep their own attributes.
func TestStreamSpan_ScratchIsNotShared(t *testing.T) {
	n, _ := namesOf("")
	exp := tracetest.NewInMemoryExporter()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSyncer(exp))
	_, span := tp.Tracer("t").Start(context.Background(), "s")
	s := streamSpan{span: span, n: n}
	for i := range 3 {
		s.addEvent(hooks.ChunkEvent{Text: "ab", ChunkIndex: i})
	}
	s.addEvent(hooks.ErrorEvent{ExceptionType: "BackendError", Detail: "boom"})
	span.End()
	evs := exp.GetSpans()[0].Events
	if len(evs) != 4 {
		t.Fatalf("%d events, want 4", len(evs))
	}
	for i, e := range evs[:3] {
		want := []attribute.KeyValue{attribute.Int64(n.EventChunkIndex, int64(i)), attribute.Int64(n.EventTextLength, 2)}
		if e.Name != n.EventChunk || !equalAttrs(e.Attributes, want) {
			t.Errorf("event %d = %s %v, want %s %v", i, e.Name, e.Attributes, n.EventChunk, want)
		}
	}
	want := []attribute.KeyValue{attribute.String(n.EventExceptionType, "BackendError"), attribute.String(n.EventDetail, "boom")}
	if e := evs[3]; e.Name != n.EventError || !equalAttrs(e.Attributes, want) {
		t.Errorf("last event = %s %v, want %s %v", e.Name, e.Attributes, n.EventError, want)
	}
}

// TestEventScratch_OptionsOfAttributesElsewhere checks that attributes
// which outgrew the scratch still reach the event, with an option of
// their own.
func TestEventScratch_OptionsOfAttributesElsewhere(t *testing.T) {
	sc := scratchPool.Get().(*eventScratch)
	defer sc.release()
	a := attrs(sc.kv[:0])
	for i := range maxEventAttrs + 1 {
		a.integer("k", int64(i))
	}
	c := trace.NewEventConfig(sc.options(a)...)
	if got := c.Attributes(); len(got) != maxEventAttrs+1 || got[maxEventAttrs].Value.AsInt64() != maxEventAttrs {
		t.Errorf("attributes = %v, want the %d appended", got, maxEventAttrs+1)
	}
}

func equalAttrs(a, b []attribute.KeyValue) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
