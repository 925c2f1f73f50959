package telemetry_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/telemetry"
)

func TestSession_SpanAttributesAndErrorStatus(t *testing.T) {
	h := newHarness(t)
	var id string
	inSession(ctx, &session{backend: "ollama", contextType: "ChatContext"}, func(ctx context.Context) error {
		id = hooks.SessionID(ctx)
		return nil
	})
	span := h.one(t, telemetry.SpanSession)
	for _, want := range []attribute.KeyValue{
		attribute.String(telemetry.AttrSessionID, id),
		attribute.String(telemetry.AttrSessionContextType, "ChatContext"),
		attribute.String(telemetry.AttrGenAIProvider, "ollama"),
	} {
		hasAttr(t, "session", span.Attributes(), want)
	}
	if span.Status().Code != codes.Unset {
		t.Errorf("status %v, want Unset", span.Status().Code)
	}

}

func TestSession_ErrorStatus(t *testing.T) {
	h := newHarness(t)
	boom := errors.New("backend gone")
	inSession(ctx, &session{backend: "ollama"}, func(context.Context) error { return boom })
	span := h.one(t, telemetry.SpanSession)
	if st := span.Status(); st.Code != codes.Error || st.Description != "backend gone" {
		t.Errorf("status %v %q, want Error %q", st.Code, st.Description, "backend gone")
	}
	if len(exceptions(span)) != 1 {
		t.Error("the session's error is not recorded")
	}
	hasAttr(t, "session", span.Attributes(), attribute.String(telemetry.AttrErrorType, "*errors.errorString"))
}

func TestAction_SpanAttributes(t *testing.T) {
	h := newHarness(t)
	c := &component{typ: "Instruction", reqs: []string{"be short"}, strategy: "RejectionSamplingStrategy", format: "Answer", tools: true, result: "héllo", logs: 2}
	inAction(ctx, c, nil)
	span := h.one(t, telemetry.SpanAction)
	for _, want := range []attribute.KeyValue{
		attribute.String(telemetry.AttrComponentType, "Instruction"),
		attribute.Bool(telemetry.AttrActionHasReqs, true),
		attribute.Bool(telemetry.AttrActionHasStrategy, true),
		attribute.String(telemetry.AttrSamplingStrategy, "RejectionSamplingStrategy"),
		attribute.Bool(telemetry.AttrActionHasFormat, true),
		attribute.Bool(telemetry.AttrActionToolCalls, true),
		attribute.Int(telemetry.AttrActionResponseLen, 5),
		attribute.Int(telemetry.AttrActionGenerateLogs, 2),
		attribute.Bool(telemetry.AttrSamplingSuccess, true),
	} {
		hasAttr(t, "action", span.Attributes(), want)
	}
	if span.Status().Code != codes.Unset {
		t.Errorf("status %v, want Unset", span.Status().Code)
	}
}

func TestAction_ErrorStatus(t *testing.T) {
	h := newHarness(t)
	boom := &faultError{"refused"}
	inAction(ctx, &component{typ: "Instruction"}, func(context.Context) error { return boom })
	span := h.one(t, telemetry.SpanAction)
	if st := span.Status(); st.Code != codes.Error || st.Description != "refused" {
		t.Errorf("status %v %q", st.Code, st.Description)
	}
	hasAttr(t, "action", span.Attributes(), attribute.String(telemetry.AttrErrorType, "*telemetry_test.faultError"))
	lacksAttr(t, "action", span.Attributes(), telemetry.AttrActionResponseLen)
}

func TestAction_ContentCaptureIsGatedAndTruncated(t *testing.T) {
	long := strings.Repeat("é", 600)
	for _, tc := range []struct {
		name    string
		content bool
		result  string
		want    string // "" means no attribute
	}{
		{"off", false, "secret answer", ""},
		{"on", true, "short answer", "short answer"},
		{"on exactly 500", true, long[:1000], long[:1000]},
		{"on truncated", true, long, strings.Repeat("é", 500) + "..."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, func(c *telemetry.Config) { c.Traces.Content = tc.content })
			inAction(ctx, &component{typ: "Instruction", result: tc.result}, nil)
			span := h.one(t, telemetry.SpanAction)
			if tc.want == "" {
				lacksAttr(t, "action", span.Attributes(), telemetry.AttrActionResponse)
				return
			}
			hasAttr(t, "action", span.Attributes(), attribute.String(telemetry.AttrActionResponse, tc.want))
		})
	}
}

func TestChat_SpanAttributes(t *testing.T) {
	h := newHarness(t)
	g := &generation{
		model: "gpt-4o", provider: "openai", remote: true, stream: true,
		respModel: "gpt-4o-2024", respID: "resp-1", finish: []string{"stop"},
		usage: hooks.Usage{InputTokens: 12, OutputTokens: 34, Known: true},
	}
	inGeneration(ctx, g, nil)
	span := h.one(t, "chat gpt-4o")
	for _, want := range []attribute.KeyValue{
		attribute.String(telemetry.AttrGenAIProvider, "openai"),
		attribute.String(telemetry.AttrGenAIRequestModel, "gpt-4o"),
		attribute.String(telemetry.AttrGenAIOperation, "chat"),
		attribute.Bool(telemetry.AttrGenAIRequestStream, true),
		attribute.String(telemetry.AttrGenAIResponseModel, "gpt-4o-2024"),
		attribute.String(telemetry.AttrGenAIResponseID, "resp-1"),
		attribute.StringSlice(telemetry.AttrGenAIFinishReasons, []string{"stop"}),
		attribute.Int64(telemetry.AttrGenAIInputTokens, 12),
		attribute.Int64(telemetry.AttrGenAIOutputTokens, 34),
	} {
		hasAttr(t, span.Name(), span.Attributes(), want)
	}
	if span.Status().Code != codes.Unset {
		t.Errorf("status %v, want Unset", span.Status().Code)
	}
}

func TestChat_OptionalAttributesAbsentWhenUnknown(t *testing.T) {
	// Not streamed, usage and response unknown.
	h := newHarness(t)
	inGeneration(ctx, &generation{model: "m", provider: "scripted"}, nil)
	span := h.one(t, "chat m")
	for _, key := range []string{telemetry.AttrGenAIRequestStream, telemetry.AttrGenAIInputTokens, telemetry.AttrGenAIOutputTokens, telemetry.AttrGenAIResponseID} {
		lacksAttr(t, span.Name(), span.Attributes(), key)
	}
}

func TestChat_ErrorRecordsExceptionStatusAndErrorType(t *testing.T) {
	h := newHarness(t)
	inGeneration(ctx, &generation{model: "m", provider: "scripted"}, func(context.Context) error { return &faultError{"slow down"} })
	span := h.one(t, "chat m")
	if st := span.Status(); st.Code != codes.Error || st.Description != "slow down" {
		t.Errorf("status %v %q", st.Code, st.Description)
	}
	if len(exceptions(span)) != 1 {
		t.Error("no exception recorded")
	}
	hasAttr(t, span.Name(), span.Attributes(), attribute.String(telemetry.AttrErrorType, "*telemetry_test.faultError"))
}
