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
	h := newHarness(t, profileMain)
	var id string
	inSession(ctx, &session{backend: "ollama", contextType: "ChatContext"}, func(ctx context.Context) error {
		id = hooks.SessionID(ctx)
		return nil
	})
	span := h.one(t, "session")
	for _, want := range []attribute.KeyValue{
		attribute.String("mellea.session.id", id),
		attribute.String("mellea.session.context_type", "ChatContext"),
		attribute.String("gen_ai.provider.name", "ollama"),
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
	span := h.one(t, "session")
	if st := span.Status(); st.Code != codes.Error || st.Description != "backend gone" {
		t.Errorf("status %v %q, want Error %q", st.Code, st.Description, "backend gone")
	}
	if len(exceptions(span)) != 1 {
		t.Error("the session's error is not recorded")
	}
	hasAttr(t, "session", span.Attributes(), attribute.String("error.type", "_OTHER"))
}

func TestAction_SpanAttributes(t *testing.T) {
	h := newHarness(t, profileMain)
	c := &component{typ: "Instruction", reqs: []string{"be short"}, strategy: "RejectionSamplingStrategy", format: "Answer", tools: true, result: "héllo", logs: 2}
	inAction(ctx, c, nil)
	span := h.one(t, "action")
	for _, want := range []attribute.KeyValue{
		attribute.String("mellea.component.type", "Instruction"),
		attribute.Bool("mellea.action.has_requirements", true),
		attribute.Bool("mellea.action.has_strategy", true),
		attribute.String("mellea.sampling.strategy_type", "RejectionSamplingStrategy"),
		attribute.Bool("mellea.action.has_format", true),
		attribute.Bool("mellea.action.tool_calls", true),
		attribute.Int("mellea.action.response_length", 5),
		attribute.Int("mellea.action.num_generate_logs", 2),
		attribute.Bool("mellea.sampling.success", true),
	} {
		hasAttr(t, "action", span.Attributes(), want)
	}
	if span.Status().Code != codes.Unset {
		t.Errorf("status %v, want Unset", span.Status().Code)
	}
}

func TestAction_ErrorStatus(t *testing.T) {
	h := newHarness(t, profileMain)
	boom := &faultError{"refused"}
	inAction(ctx, &component{typ: "Instruction"}, func(context.Context) error { return boom })
	span := h.one(t, "action")
	if st := span.Status(); st.Code != codes.Error || st.Description != "refused" {
		t.Errorf("status %v %q", st.Code, st.Description)
	}
	hasAttr(t, "action", span.Attributes(), attribute.String("error.type", "RateLimitError"))
	lacksAttr(t, "action", span.Attributes(), "mellea.action.response_length")
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
			h := newHarness(t, profileMain, func(c *telemetry.Config) { c.Traces.Content = tc.content })
			inAction(ctx, &component{typ: "Instruction", result: tc.result}, nil)
			span := h.one(t, "action")
			if tc.want == "" {
				lacksAttr(t, "action", span.Attributes(), "mellea.action.response")
				return
			}
			hasAttr(t, "action", span.Attributes(), attribute.String("mellea.action.response", tc.want))
		})
	}
}

func TestChat_SpanAttributes(t *testing.T) {
	h := newHarness(t, profileMain)
	g := &generation{
		model: "gpt-4o", provider: "openai", remote: true, stream: true,
		respModel: "gpt-4o-2024", respID: "resp-1", finish: []string{"stop"},
		usage: hooks.Usage{InputTokens: 12, OutputTokens: 34, Known: true},
	}
	inGeneration(ctx, g, nil)
	span := h.one(t, "chat gpt-4o")
	for _, want := range []attribute.KeyValue{
		attribute.String("gen_ai.provider.name", "openai"),
		attribute.String("gen_ai.request.model", "gpt-4o"),
		attribute.String("gen_ai.operation.name", "chat"),
		attribute.Bool("gen_ai.request.stream", true),
		attribute.String("gen_ai.response.model", "gpt-4o-2024"),
		attribute.String("gen_ai.response.id", "resp-1"),
		attribute.StringSlice("gen_ai.response.finish_reasons", []string{"stop"}),
		attribute.Int64("gen_ai.usage.input_tokens", 12),
		attribute.Int64("gen_ai.usage.output_tokens", 34),
	} {
		hasAttr(t, span.Name(), span.Attributes(), want)
	}
	if span.Status().Code != codes.Unset {
		t.Errorf("status %v, want Unset", span.Status().Code)
	}
}

func TestChat_OptionalAttributesAbsentWhenUnknown(t *testing.T) {
	// Not streamed, usage and response unknown.
	h := newHarness(t, profileMain)
	inGeneration(ctx, &generation{model: "m", provider: "scripted"}, nil)
	span := h.one(t, "chat m")
	for _, key := range []string{"gen_ai.request.stream", "gen_ai.usage.input_tokens", "gen_ai.usage.output_tokens", "gen_ai.response.id"} {
		lacksAttr(t, span.Name(), span.Attributes(), key)
	}
}

func TestChat_ErrorRecordsExceptionStatusAndErrorType(t *testing.T) {
	h := newHarness(t, profileMain)
	inGeneration(ctx, &generation{model: "m", provider: "scripted"}, func(context.Context) error { return &faultError{"slow down"} })
	span := h.one(t, "chat m")
	if st := span.Status(); st.Code != codes.Error || st.Description != "slow down" {
		t.Errorf("status %v %q", st.Code, st.Description)
	}
	if len(exceptions(span)) != 1 {
		t.Error("no exception recorded")
	}
	hasAttr(t, span.Name(), span.Attributes(), attribute.String("error.type", "RateLimitError"))
}
