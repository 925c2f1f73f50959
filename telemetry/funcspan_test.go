package telemetry_test

import (
	"context"
	"fmt"
	"runtime"
	"testing"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/telemetry"
)

// retrieveSite is the site hookweave declares for
//
//	//mellea:hook span name=retrieve.docs
//	func retrieve(ctx context.Context, body func(context.Context) error) error
var retrieveSite = hooks.SpanSite{Name: "retrieve.docs", Function: "example.com/app/rag.retrieve", Line: 27}

// retrieve is that function, woven, with tracedRetrieve, its traced copy.
func retrieve(ctx context.Context, body func(context.Context) error) (err error) {
	if hooks.SpanListening() {
		return tracedRetrieve(ctx, body)
	}
	return body(ctx)
}

func tracedRetrieve(ctx context.Context, body func(context.Context) error) (err error) {
	var call *hooks.Call
	ctx, call = hooks.BeginSpan(ctx, &retrieveSite)
	defer func() { call.End(recover(), err) }()
	return body(ctx)
}

var bothProfiles = map[string]func(*telemetry.Config){
	telemetry.ProfileV07:  func(*telemetry.Config) {},
	telemetry.ProfileMain: profileMain,
}

func TestFuncSpan_InternalUnderTheContextsSpanWithCodeAttributes(t *testing.T) {
	for profile, edit := range bothProfiles {
		t.Run(profile, func(t *testing.T) {
			h := newHarness(t, edit)
			var inner trace.SpanContext
			err := inSession(ctx, &session{backend: "scripted"}, func(ctx context.Context) error {
				return retrieve(ctx, func(ctx context.Context) error {
					inner = trace.SpanContextFromContext(ctx)
					return nil
				})
			})
			if err != nil {
				t.Fatal(err)
			}
			span, parent := h.one(t, "retrieve.docs"), h.one(t, "session")
			if span.SpanKind() != trace.SpanKindInternal {
				t.Errorf("kind %v, want INTERNAL", span.SpanKind())
			}
			if span.Parent().SpanID() != parent.SpanContext().SpanID() {
				t.Errorf("parent %v, want the session span %v", span.Parent().SpanID(), parent.SpanContext().SpanID())
			}
			if inner.SpanID() != span.SpanContext().SpanID() {
				t.Error("the function's body did not run under its span")
			}
			if span.InstrumentationScope().Name != telemetry.TracerApplication {
				t.Errorf("tracer %q, want %q", span.InstrumentationScope().Name, telemetry.TracerApplication)
			}
			_, file, _, _ := runtime.Caller(0)
			for _, want := range []attribute.KeyValue{
				attribute.String("code.function.name", "example.com/app/rag.retrieve"),
				attribute.String("code.file.path", file),
				attribute.Int("code.line.number", 27),
			} {
				hasAttr(t, span.Name(), span.Attributes(), want)
			}
			if len(span.Attributes()) != 3 {
				t.Errorf("attributes %v, want the three code.* only", span.Attributes())
			}
			if st := span.Status(); st.Code != codes.Unset || len(span.Events()) != 0 {
				t.Errorf("a successful call: status %v, events %v", st, span.Events())
			}
		})
	}
}

func TestFuncSpan_ReturnedErrorSetsErrorWithItsTextAndKind(t *testing.T) {
	for profile, edit := range bothProfiles {
		t.Run(profile, func(t *testing.T) {
			h := newHarness(t, edit)
			cause := fmt.Errorf("index: %w", &faultError{"too many requests"})
			if err := retrieve(ctx, func(context.Context) error { return cause }); err != cause {
				t.Fatalf("retrieve returned %v", err)
			}
			span := h.one(t, "retrieve.docs")
			if st := span.Status(); st.Code != codes.Error || st.Description != cause.Error() {
				t.Errorf("status %v %q, want Error %q", st.Code, st.Description, cause.Error())
			}
			hasAttr(t, span.Name(), span.Attributes(), attribute.String("error.type", "RateLimitError"))
			if n := len(exceptions(span)); n != 0 {
				t.Errorf("%d exception events for a returned error, want 0", n)
			}
		})
	}
}

func TestFuncSpan_PanicRecordsAnExceptionAndError(t *testing.T) {
	for profile, edit := range bothProfiles {
		t.Run(profile, func(t *testing.T) {
			h := newHarness(t, edit)
			func() {
				defer func() {
					if v := recover(); v != "index gone" {
						t.Fatalf("recovered %v, want the function's panic", v)
					}
				}()
				retrieve(ctx, func(context.Context) error { panic("index gone") })
			}()
			span := h.one(t, "retrieve.docs")
			if st := span.Status(); st.Code != codes.Error || st.Description != "panic: index gone" {
				t.Errorf("status %v %q, want Error \"panic: index gone\"", st.Code, st.Description)
			}
			hasAttr(t, span.Name(), span.Attributes(), attribute.String("error.type", hooks.KindPanic))
			exc := exceptions(span)
			if len(exc) != 1 {
				t.Fatalf("%d exception events, want 1", len(exc))
			}
			hasAttr(t, "exception", exc[0].Attributes, attribute.String("exception.type", hooks.KindPanic))
			hasAttr(t, "exception", exc[0].Attributes, attribute.String("exception.message", "index gone"))
		})
	}
}

// TestFuncSpan_NestsAndHoldsTheLibrarysSpansBelow: a span opened inside
// another is its child, and a library lifecycle run inside it is the
// span's child in turn.
func TestFuncSpan_NestsAndHoldsTheLibrarysSpansBelow(t *testing.T) {
	h := newHarness(t)
	err := retrieve(ctx, func(ctx context.Context) error {
		return retrieve(ctx, func(ctx context.Context) error {
			return inStream(ctx, &stream{end: hooks.StreamingEndPayload{Success: true}}, nil)
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	spans := h.ended("retrieve.docs")
	if len(spans) != 2 {
		t.Fatalf("%d retrieve.docs spans, want 2", len(spans))
	}
	inner, outer := spans[0], spans[1] // the inner call ends first
	stream := h.one(t, "stream_with_chunking")
	if outer.Parent().IsValid() || inner.Parent().SpanID() != outer.SpanContext().SpanID() || stream.Parent().SpanID() != inner.SpanContext().SpanID() {
		t.Errorf("want retrieve.docs > retrieve.docs > stream_with_chunking, got parents %v, %v, %v",
			outer.Parent().SpanID(), inner.Parent().SpanID(), stream.Parent().SpanID())
	}
}
