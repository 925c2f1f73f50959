package openai_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/stdlib/backend"
)

func TestGenerate(t *testing.T) {
	var body map[string]any
	b := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
			t.Error(err)
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, marshal(map[string]any{
			"id": "chatcmpl-7", "object": "chat.completion", "created": 1700000000, "model": "gpt-test-0613",
			"choices": []any{map[string]any{
				"index": 0, "finish_reason": "stop",
				"message": map[string]any{"role": "assistant", "content": "yes"},
			}},
			"usage": map[string]any{"prompt_tokens": 12, "completion_tokens": 1, "total_tokens": 13},
		}))
	}, 0)
	resp, err := b.Generate(context.Background(), request("is the sky blue"))
	if err != nil {
		t.Fatal(err)
	}
	want := backend.Response{
		Text: "yes", Model: "gpt-test-0613", ID: "chatcmpl-7", FinishReason: "stop",
		Usage: hooks.Usage{InputTokens: 12, OutputTokens: 1, Known: true},
	}
	if resp != want {
		t.Errorf("Generate = %+v, want %+v", resp, want)
	}
	if s, ok := body["stream"]; ok && s != false {
		t.Errorf("stream = %v, want a non-streaming request", s)
	}
}

func TestGenerateError(t *testing.T) {
	b := newServer(t, errorHandler(429, "rate_limit_exceeded", "requests", "Rate limit reached"), 0)
	_, err := b.Generate(context.Background(), request("hi"))
	if be := wantCategory(t, err, hooks.CategoryRateLimit); be.StatusCode != 429 {
		t.Errorf("StatusCode = %d, want 429", be.StatusCode)
	}
}
