package openai_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/hookweave/hookweave/stdlib/backend"
	"github.com/hookweave/hookweave/stdlib/backend/openai"
)

// newServer starts a test server with handler and returns a backend for
// it. The server is closed when the test ends.
func newServer(t *testing.T, handler http.HandlerFunc, deltaTimeout time.Duration) *openai.Backend {
	t.Helper()
	srv := httptest.NewServer(handler)
	t.Cleanup(srv.Close)
	b, err := openai.New(openai.Config{
		BaseURL:      srv.URL + "/v1",
		Model:        "gpt-test",
		APIKey:       "test-key",
		DeltaTimeout: deltaTimeout,
		HTTPClient:   srv.Client(),
	})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func request(prompt string) backend.Request {
	return backend.Request{Messages: []backend.Message{{Role: "user", Content: prompt}}}
}

// chunk is one chat.completion.chunk in JSON, with one choice holding
// content and finish (null when empty).
func chunk(content, finish string) string {
	choice := map[string]any{"index": 0, "delta": map[string]any{"content": content}, "finish_reason": nil}
	if finish != "" {
		choice["finish_reason"] = finish
	}
	return marshal(map[string]any{
		"id": "chatcmpl-42", "object": "chat.completion.chunk", "created": 1700000000,
		"model": "gpt-test-0613", "choices": []any{choice},
	})
}

// usageChunk is the final chunk of a stream with include_usage.
func usageChunk(in, out int) string {
	return marshal(map[string]any{
		"id": "chatcmpl-42", "object": "chat.completion.chunk", "created": 1700000000,
		"model": "gpt-test-0613", "choices": []any{},
		"usage": map[string]any{"prompt_tokens": in, "completion_tokens": out, "total_tokens": in + out},
	})
}

func marshal(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// sse writes each event as a server-sent event, flushing after each.
func sse(w http.ResponseWriter, events ...string) {
	w.Header().Set("Content-Type", "text/event-stream")
	for _, e := range events {
		fmt.Fprintf(w, "data: %s\n\n", e)
		w.(http.Flusher).Flush()
	}
}

// streamHandler serves events and then [DONE].
func streamHandler(events ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		sse(w, append(events, "[DONE]")...)
	}
}

// errorHandler answers with status and an OpenAI error body.
func errorHandler(status int, code, typ, message string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		fmt.Fprint(w, marshal(map[string]any{"error": map[string]any{
			"message": message, "type": typ, "code": code, "param": nil,
		}}))
	}
}

// stallHandler sends events, then sends nothing more until the client goes
// away.
func stallHandler(events ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		sse(w, events...)
		waitForClient(r)
	}
}

// waitForClient returns when the client has gone away. The server only
// notices that once the request body has been read.
func waitForClient(r *http.Request) {
	io.Copy(io.Discard, r.Body)
	<-r.Context().Done()
}

// dropHandler hijacks the connection, writes a chunked SSE response holding
// events, and closes the connection without ending the body. It reads the
// request first, so that the close is a clean FIN and not a reset.
func dropHandler(events ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			panic(err)
		}
		defer conn.Close()
		fmt.Fprint(buf, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
		for _, e := range events {
			data := fmt.Sprintf("data: %s\n\n", e)
			fmt.Fprintf(buf, "%x\r\n%s\r\n", len(data), data)
		}
		buf.Flush()
	}
}

// closedURL returns the URL of a server that is no longer listening.
func closedURL(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return "http://" + addr + "/v1"
}
