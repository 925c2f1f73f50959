package telemetry_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/telemetry"
)

var ctx = context.Background()

func TestStream_StartAndEndPairedByStreamingID(t *testing.T) {
	h := newHarness(t)
	a := &stream{reqs: 1, chunking: "SentenceChunker", end: hooks.StreamingEndPayload{Success: true, FullTextLength: 11}}
	b := &stream{reqs: 2, chunking: "WordChunker", end: hooks.StreamingEndPayload{Success: true, FullTextLength: 22}}
	// Interleave the two lifecycles: start a, start b, end a, end b.
	ctxA, callA, _ := hooks.BeginStreaming(ctx, a)
	ctxB, callB, _ := hooks.BeginStreaming(ctx, b)
	// An end hook for b fired under a's context must not end a's span.
	hooks.Fire(ctxA, hooks.StreamingEnd, &hooks.StreamingEndPayload{StreamingID: callB.ID(), Success: true})
	if n := len(h.ended("stream_with_chunking")); n != 0 {
		t.Fatalf("an end hook with another stream's id ended %d spans", n)
	}
	callA.End(nil, nil)
	callB.End(nil, nil)
	_, _ = ctxA, ctxB

	spans := h.ended("stream_with_chunking")
	if len(spans) != 2 {
		t.Fatalf("%d stream spans, want 2", len(spans))
	}
	for _, s := range spans {
		m := attrs(s.Attributes())
		count, length := m["mellea.requirement_count"].AsInt64(), m["mellea.full_text_length"].AsInt64()
		if count*11 != length {
			t.Errorf("span with %s=%d ended with %s=%d: starts and ends crossed", "mellea.requirement_count", count, "mellea.full_text_length", length)
		}
	}
}

func TestStream_SpanAttributes(t *testing.T) {
	h := newHarness(t)
	s := &stream{reqs: 2, chunking: "SentenceChunker", end: hooks.StreamingEndPayload{Success: true, Model: "granite", Provider: "ollama", FullTextLength: 42}}
	inStream(ctx, s, nil)
	span := h.one(t, "stream_with_chunking")
	if span.InstrumentationScope().Name != telemetry.TracerApplication {
		t.Errorf("tracer %q, want %q", span.InstrumentationScope().Name, telemetry.TracerApplication)
	}
	for _, want := range []attribute.KeyValue{
		attribute.Bool("mellea.has_requirements", true),
		attribute.Int("mellea.requirement_count", 2),
		attribute.String("mellea.chunking_strategy", "SentenceChunker"),
		attribute.Int("mellea.full_text_length", 42),
		attribute.String("gen_ai.request.model", "granite"),
		attribute.String("gen_ai.provider.name", "ollama"),
	} {
		hasAttr(t, span.Name(), span.Attributes(), want)
	}
}

func TestStream_ErrorSetsErrorStatusExceptionAndErrorType(t *testing.T) {
	h := newHarness(t)
	cause := fmt.Errorf("generate: %w", &faultError{"too many requests"})
	err := inStream(ctx, &stream{reqs: 1}, func(context.Context, string) error { return cause })
	if !errors.Is(err, cause) {
		t.Fatalf("lifecycle returned %v", err)
	}
	span := h.one(t, "stream_with_chunking")
	if st := span.Status(); st.Code != codes.Error || st.Description != cause.Error() {
		t.Errorf("status %v %q, want Error %q", st.Code, st.Description, cause.Error())
	}
	hasAttr(t, span.Name(), span.Attributes(), attribute.String("error.type", "RateLimitError"))
	exc := exceptions(span)
	if len(exc) != 1 {
		t.Fatalf("%d exception events, want 1", len(exc))
	}
	hasAttr(t, "exception", exc[0].Attributes, attribute.String("exception.message", cause.Error()))
}

func exceptions(s sdktrace.ReadOnlySpan) []sdktrace.Event {
	var out []sdktrace.Event
	for _, e := range s.Events() {
		if e.Name == "exception" {
			out = append(out, e)
		}
	}
	return out
}

func TestStream_FailedCheckSetsErrorWithReasonAndNoException(t *testing.T) {
	for _, reason := range []string{
		"Streaming validation failed: too long",          // mid-stream
		"Streaming validation failed on flush: too long", // on the flushed fragment
	} {
		t.Run(reason, func(t *testing.T) {
			h := newHarness(t)
			inStream(ctx, &stream{reqs: 1, end: hooks.StreamingEndPayload{FailureReason: reason, FullTextLength: 3}}, nil)
			span := h.one(t, "stream_with_chunking")
			if st := span.Status(); st.Code != codes.Error || st.Description != reason {
				t.Errorf("status %v %q, want Error %q", st.Code, st.Description, reason)
			}
			if n := len(exceptions(span)); n != 0 {
				t.Errorf("%d exception events on a failed check, want 0", n)
			}
			lacksAttr(t, span.Name(), span.Attributes(), "error.type")
		})
	}
}

func TestStream_SuccessLeavesStatusUnset(t *testing.T) {
	h := newHarness(t)
	inStream(ctx, &stream{end: hooks.StreamingEndPayload{Success: true}}, nil)
	if st := h.one(t, "stream_with_chunking").Status(); st.Code != codes.Unset || st.Description != "" {
		t.Errorf("status %v %q, want Unset", st.Code, st.Description)
	}
}

func TestStream_StoppedConsumerSetsErrorWithEmptyDescription(t *testing.T) {
	h := newHarness(t)
	inStream(ctx, &stream{reqs: 1, end: hooks.StreamingEndPayload{Stopped: true, FullTextLength: 5}}, nil)
	span := h.one(t, "stream_with_chunking")
	if st := span.Status(); st.Code != codes.Error || st.Description != "" {
		t.Errorf("status %v %q, want Error with an empty description", st.Code, st.Description)
	}
	if n := len(exceptions(span)); n != 0 {
		t.Errorf("%d exception events, want 0", n)
	}
}

// wantEvent is a span event as the tracing plugin writes it: a
// name and its attributes, in order.
type wantEvent struct {
	name  string
	attrs []attribute.KeyValue
}

func TestStream_SixEventsWithExactKeysAndTypesInOrder(t *testing.T) {
	h := newHarness(t)
	results := []hooks.CheckResult{{Requirement: "LengthReq", Outcome: hooks.Pass}, {Requirement: "ToneReq", Outcome: hooks.Unknown}}
	events := []hooks.Event{
		hooks.QuickCheckEvent{ChunkIndex: 0, Attempt: 1, Passed: true, Results: results},
		hooks.ChunkEvent{Text: "Héllo.", ChunkIndex: 0, Attempt: 1},
		hooks.StreamingDoneEvent{Attempt: 1, FullText: "Héllo. Wörld"},
		hooks.FullValidationEvent{Attempt: 1, Passed: false, Results: results[:1]},
		hooks.ErrorEvent{ExceptionType: "*backend.Error", Detail: "boom"},
		hooks.CompletedEvent{Success: true, FullText: "Héllo. Wörld", AttemptsUsed: 1},
	}
	want := []wantEvent{
		{"quick_check", []attribute.KeyValue{attribute.Int("chunk_index", 0), attribute.Bool("passed", true), attribute.Int("requirement_count", 2)}},
		{"chunk", []attribute.KeyValue{attribute.Int("chunk_index", 0), attribute.Int("text_length", 6)}},
		{"streaming_done", []attribute.KeyValue{attribute.Int("full_text_length", 12)}},
		{"full_validation", []attribute.KeyValue{attribute.Bool("passed", false), attribute.Int("requirement_count", 1)}},
		{"error", []attribute.KeyValue{attribute.String("exception_type", "*backend.Error"), attribute.String("detail", "boom")}},
		{"completed", []attribute.KeyValue{attribute.Bool("success", true), attribute.Int("full_text_length", 12)}},
	}
	gen := &generation{model: "m1", provider: "scripted", stream: true}
	inStream(ctx, &stream{reqs: 2, end: hooks.StreamingEndPayload{Success: true, FullTextLength: 12}}, func(ctx context.Context, id string) error {
		// Events emitted while the chat span is current still belong to
		// the stream span.
		return inGeneration(ctx, gen, func(ctx context.Context) error {
			for _, ev := range events {
				hooks.EmitEvent(ctx, id, ev, []string{"LengthReq", "ToneReq"})
			}
			return nil
		})
	})
	got := h.one(t, "stream_with_chunking").Events()
	if len(got) != len(want) {
		t.Fatalf("%d events, want %d", len(got), len(want))
	}
	for i, w := range want {
		if got[i].Name != w.name {
			t.Errorf("event %d is %q, want %q", i, got[i].Name, w.name)
		}
		if len(got[i].Attributes) != len(w.attrs) {
			t.Errorf("%s: attributes %v, want %v", w.name, got[i].Attributes, w.attrs)
		}
		for _, a := range w.attrs {
			hasAttr(t, w.name, got[i].Attributes, a)
		}
	}
	if ev := h.one(t, "chat").Events(); len(ev) != 0 {
		t.Errorf("the chat span has events %v; events belong to stream_with_chunking only", ev)
	}
}

func TestNesting_SessionActionStreamChatAndJudgeSibling(t *testing.T) {
	h := newHarness(t, profileMain)
	main := &generation{model: "gpt-4o", provider: "openai", remote: true, stream: true}
	judge := &generation{model: "judge", provider: "scripted"}
	inSession(ctx, &session{backend: "openai", contextType: "SimpleContext"}, func(ctx context.Context) error {
		return inAction(ctx, &component{typ: "Instruction", result: "ok"}, func(ctx context.Context) error {
			return inStream(ctx, &stream{reqs: 1, end: hooks.StreamingEndPayload{Success: true}}, func(ctx context.Context, id string) error {
				inGeneration(ctx, main, nil)
				return inGeneration(ctx, judge, nil) // a full validation's chat
			})
		})
	})
	sess, act, str := h.one(t, "session"), h.one(t, "action"), h.one(t, "stream")
	chat, judgeChat := h.one(t, "chat gpt-4o"), h.one(t, "chat judge")
	if sess.Parent().IsValid() {
		t.Error("session has a parent")
	}
	childOf(t, act, sess)
	childOf(t, str, act)
	childOf(t, chat, str)
	childOf(t, judgeChat, str)
	for _, s := range []sdktrace.ReadOnlySpan{sess, act, str} {
		if s.InstrumentationScope().Name != telemetry.TracerApplication {
			t.Errorf("%s from tracer %q", s.Name(), s.InstrumentationScope().Name)
		}
	}
	for _, s := range []sdktrace.ReadOnlySpan{chat, judgeChat} {
		if s.InstrumentationScope().Name != telemetry.TracerBackend {
			t.Errorf("%s from tracer %q", s.Name(), s.InstrumentationScope().Name)
		}
	}
	if chat.SpanKind() != trace.SpanKindClient || judgeChat.SpanKind() != trace.SpanKindInternal {
		t.Errorf("kinds %v (remote) and %v (local), want client and internal", chat.SpanKind(), judgeChat.SpanKind())
	}
}

func childOf(t *testing.T, child, parent sdktrace.ReadOnlySpan) {
	t.Helper()
	if child.Parent().SpanID() != parent.SpanContext().SpanID() || child.SpanContext().TraceID() != parent.SpanContext().TraceID() {
		t.Errorf("%s is not a child of %s", child.Name(), parent.Name())
	}
}

func TestStream_ConcurrentStreamsNeverCross(t *testing.T) {
	h := newHarness(t, profileMain)
	const n = 64
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			s := &stream{reqs: i, end: hooks.StreamingEndPayload{Success: true, FullTextLength: i}}
			inStream(ctx, s, func(ctx context.Context, id string) error {
				for range 3 {
					hooks.EmitEvent(ctx, id, hooks.ChunkEvent{ChunkIndex: i, Text: strings.Repeat("x", i)}, nil)
				}
				return inGeneration(ctx, &generation{model: fmt.Sprint(i)}, nil)
			})
		})
	}
	wg.Wait()
	streams := h.ended("stream")
	if len(streams) != n {
		t.Fatalf("%d stream spans, want %d", len(streams), n)
	}
	byID := map[trace.SpanID]int64{}
	for _, s := range streams {
		m := attrs(s.Attributes())
		i := m["mellea.streaming.requirement_count"].AsInt64()
		byID[s.SpanContext().SpanID()] = i
		if m["mellea.streaming.full_text_length"].AsInt64() != i {
			t.Errorf("stream %d ended with another stream's length", i)
		}
		if len(s.Events()) != 3 {
			t.Errorf("stream %d has %d events, want 3", i, len(s.Events()))
		}
		for _, e := range s.Events() {
			if got := attrs(e.Attributes)["mellea.streaming.chunk_index"].AsInt64(); got != i {
				t.Errorf("stream %d got an event of stream %d", i, got)
			}
		}
	}
	for _, s := range h.spans.Ended() {
		if !strings.HasPrefix(s.Name(), "chat"+" ") {
			continue
		}
		if parent, ok := byID[s.Parent().SpanID()]; !ok || s.Name() != fmt.Sprintf("chat %d", parent) {
			t.Errorf("%s nested under stream %d", s.Name(), parent)
		}
	}
}
