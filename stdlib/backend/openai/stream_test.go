package openai_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/stdlib/backend"
	"github.com/hookweave/hookweave/stdlib/backend/openai"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// stream runs b.Stream with a callback that collects the deltas.
func stream(ctx context.Context, b *openai.Backend) ([]string, backend.Response, error) {
	var got []string
	resp, err := b.Stream(ctx, request("say hello"), func(d string) error {
		got = append(got, d)
		return nil
	})
	return got, resp, err
}

// wantCategory fails the test unless err is a *backend.Error of category.
func wantCategory(t *testing.T, err error, category string) *backend.Error {
	t.Helper()
	var be *backend.Error
	if !errors.As(err, &be) {
		t.Fatalf("err = %v (%T), want a *backend.Error", err, err)
	}
	if be.Category != category || hooks.ErrorCategory(err) != category {
		t.Errorf("err = %v: category %q, want %q", err, be.Category, category)
	}
	if be.Provider != "openai" {
		t.Errorf("Provider = %q, want openai", be.Provider)
	}
	return be
}

func TestStream(t *testing.T) {
	var body map[string]any
	var auth string
	b := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		auth = r.Header.Get("Authorization")
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
			t.Error(err)
		}
		streamHandler(chunk("", ""), chunk("Hello", ""), chunk(", wörld", ""), chunk("!", "stop"), usageChunk(9, 4))(w, r)
	}, 0)
	req := backend.Request{
		Messages: []backend.Message{{Role: "system", Content: "be brief"}, {Role: "user", Content: "say hello"}},
		Options:  map[string]any{"temperature": 0.5, "model": "not-this-one"},
	}
	var got []string
	resp, err := b.Stream(context.Background(), req, func(d string) error {
		got = append(got, d)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, "|") != "Hello|, wörld|!" {
		t.Errorf("deltas = %q", got)
	}
	want := backend.Response{
		Text: "Hello, wörld!", Model: "gpt-test-0613", ID: "chatcmpl-42", FinishReason: "stop",
		Usage: hooks.Usage{InputTokens: 9, OutputTokens: 4, Known: true},
	}
	if resp != want {
		t.Errorf("Response = %+v, want %+v", resp, want)
	}
	if auth != "Bearer test-key" {
		t.Errorf("Authorization = %q", auth)
	}
	if body["model"] != "gpt-test" || body["stream"] != true || body["temperature"] != 0.5 {
		t.Errorf("request body = %v, want model gpt-test, stream true, temperature 0.5", body)
	}
	if so, _ := body["stream_options"].(map[string]any); so["include_usage"] != true {
		t.Errorf("stream_options = %v, want include_usage true", body["stream_options"])
	}
	if msgs, _ := body["messages"].([]any); len(msgs) != 2 || msgs[0].(map[string]any)["role"] != "system" {
		t.Errorf("messages = %v", body["messages"])
	}
}

func TestStreamWithoutUsage(t *testing.T) {
	b := newServer(t, streamHandler(chunk("Hi", "length")), 0)
	_, resp, err := stream(context.Background(), b)
	if err != nil {
		t.Fatal(err)
	}
	if resp.Usage.Known || resp.FinishReason != "length" || resp.Text != "Hi" {
		t.Errorf("Response = %+v, want unknown usage, finish length, text Hi", resp)
	}
}

// stallTimeout is the delta timeout of tests that stall: long enough that
// the first chunk of a local server beats it on a loaded machine.
const stallTimeout = time.Second

func TestStreamFailures(t *testing.T) {
	tests := []struct {
		name     string
		handler  http.HandlerFunc
		category string
		status   int
		text     string
		check    func(t *testing.T, err error)
	}{
		{
			name:     "malformed data",
			handler:  streamHandler(chunk("Hel", ""), `{"id": "chatcmpl-42", "choices": [`),
			category: hooks.CategoryTransport,
			text:     "Hel",
			check: func(t *testing.T, err error) {
				var me *openai.MalformedError
				if !errors.As(err, &me) {
					t.Errorf("err = %v, want a *MalformedError", err)
				}
			},
		},
		{
			name:     "connection dropped mid-stream",
			handler:  dropHandler(chunk("Hel", ""), chunk("lo", "")),
			category: hooks.CategoryTransport,
			text:     "Hello",
			check: func(t *testing.T, err error) {
				if !errors.Is(err, io.ErrUnexpectedEOF) {
					t.Errorf("err = %v, want io.ErrUnexpectedEOF in its chain", err)
				}
			},
		},
		{
			name:     "body ends without a finish reason",
			handler:  func(w http.ResponseWriter, r *http.Request) { sse(w, chunk("Hel", "")) },
			category: hooks.CategoryTransport,
			text:     "Hel",
			check: func(t *testing.T, err error) {
				if !errors.Is(err, openai.ErrTruncated) {
					t.Errorf("err = %v, want ErrTruncated", err)
				}
			},
		},
		{
			name:     "401",
			handler:  errorHandler(401, "invalid_api_key", "invalid_request_error", "Incorrect API key provided"),
			category: hooks.CategoryAuth,
			status:   401,
		},
		{
			name:     "429",
			handler:  errorHandler(429, "rate_limit_exceeded", "requests", "Rate limit reached"),
			category: hooks.CategoryRateLimit,
			status:   429,
		},
		{
			name:     "500",
			handler:  errorHandler(500, "", "server_error", "The server had an error"),
			category: hooks.CategoryServer,
			status:   500,
		},
		{
			name:     "500 with a plain text body",
			handler:  func(w http.ResponseWriter, r *http.Request) { http.Error(w, "upstream failed", 500) },
			category: hooks.CategoryServer,
			status:   500,
		},
		{
			name:     "400 content filter",
			handler:  errorHandler(400, "content_filter", "invalid_request_error", "The response was filtered"),
			category: hooks.CategoryContentPolicy,
			status:   400,
		},
		{
			name:     "400 content policy violation",
			handler:  errorHandler(400, "content_policy_violation", "invalid_request_error", "Your request was rejected"),
			category: hooks.CategoryContentPolicy,
			status:   400,
		},
		{
			name:     "error event mid-stream",
			handler:  streamHandler(chunk("Hel", ""), `{"error": {"message": "The server had an error", "type": "server_error", "code": null}}`),
			category: hooks.CategoryServer,
			text:     "Hel",
			check: func(t *testing.T, err error) {
				var se *openai.StreamError
				if !errors.As(err, &se) || se.Message != "The server had an error" || se.Type != "server_error" {
					t.Errorf("err = %v, want a *StreamError with the event's message and type", err)
				}
			},
		},
		{
			name:     "content filter event mid-stream",
			handler:  streamHandler(chunk("Hel", ""), `{"error": {"message": "filtered", "type": "invalid_request_error", "code": "content_filter"}}`),
			category: hooks.CategoryContentPolicy,
			text:     "Hel",
		},
		{
			name:     "error event with a numeric code (vLLM)",
			handler:  streamHandler(`{"error": {"object": "error", "message": "too many", "type": "TooManyRequests", "code": 429}}`),
			category: hooks.CategoryRateLimit,
		},
		{
			name:     "stall past the delta timeout",
			handler:  stallHandler(chunk("Hel", "")),
			category: hooks.CategoryTimeout,
			text:     "Hel",
			check: func(t *testing.T, err error) {
				var dt *openai.DeltaTimeoutError
				if !errors.As(err, &dt) || dt.Timeout != stallTimeout {
					t.Errorf("err = %v, want a *DeltaTimeoutError of %v", err, stallTimeout)
				}
			},
		},
		{
			name:     "stall before the response headers",
			handler:  func(w http.ResponseWriter, r *http.Request) { waitForClient(r) },
			category: hooks.CategoryTimeout,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newServer(t, tt.handler, stallTimeout)
			_, resp, err := stream(bounded(t), b)
			be := wantCategory(t, err, tt.category)
			if be.StatusCode != tt.status {
				t.Errorf("StatusCode = %d, want %d", be.StatusCode, tt.status)
			}
			if resp.Text != tt.text {
				t.Errorf("Text = %q, want the partial text %q", resp.Text, tt.text)
			}
			if tt.check != nil {
				tt.check(t, err)
			}
		})
	}
}

// bounded is a context that only keeps a broken test from hanging.
func bounded(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	t.Cleanup(cancel)
	return ctx
}

func TestConnectionRefused(t *testing.T) {
	b, err := openai.New(openai.Config{BaseURL: closedURL(t), Model: "m"})
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = stream(bounded(t), b)
	wantCategory(t, err, hooks.CategoryTransport)
	_, err = b.Generate(bounded(t), request("hi"))
	wantCategory(t, err, hooks.CategoryTransport)
}

func TestOnDeltaErrorStops(t *testing.T) {
	b := newServer(t, stallHandler(chunk("Hel", ""), chunk("lo", "")), 0)
	stop := errors.New("enough")
	calls := 0
	resp, err := b.Stream(bounded(t), request("hi"), func(string) error {
		calls++
		return stop
	})
	if err != stop || calls != 1 || resp.Text != "Hel" {
		t.Errorf("err = %v, calls = %d, Text = %q; want the callback's error after one delta, Hel", err, calls, resp.Text)
	}
}

func TestCallerCancel(t *testing.T) {
	b := newServer(t, stallHandler(chunk("Hel", "")), 0)
	ctx, cancel := context.WithCancel(bounded(t))
	resp, err := b.Stream(ctx, request("hi"), func(string) error {
		cancel()
		return nil
	})
	if err != context.Canceled {
		t.Errorf("err = %v, want context.Canceled itself", err)
	}
	if resp.Text != "Hel" {
		t.Errorf("Text = %q, want Hel", resp.Text)
	}
}

func TestCallerDeadline(t *testing.T) {
	b := newServer(t, stallHandler(chunk("Hel", "")), 0)
	ctx, cancel := context.WithTimeout(context.Background(), stallTimeout)
	defer cancel()
	_, resp, err := stream(ctx, b)
	wantCategory(t, err, hooks.CategoryTimeout)
	if !errors.Is(err, context.DeadlineExceeded) || resp.Text != "Hel" {
		t.Errorf("err = %v, Text = %q; want context.DeadlineExceeded in the chain and Hel", err, resp.Text)
	}
}

func TestDeltaTimeoutExcludesCallback(t *testing.T) {
	slept := make(chan struct{})
	b := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		sse(w, chunk("Hel", ""))
		select { // the rest must come over the wire after the slow callback
		case <-slept:
			sse(w, chunk("lo", "stop"), "[DONE]")
		case <-r.Context().Done():
		}
	}, 2*time.Second)
	first := true
	resp, err := b.Stream(bounded(t), request("hi"), func(string) error {
		if first {
			first = false
			time.Sleep(2500 * time.Millisecond) // a slow consumer, not a slow server
			close(slept)
		}
		return nil
	})
	if err != nil || resp.Text != "Hello" {
		t.Errorf("Text = %q, err = %v; want Hello and no error", resp.Text, err)
	}
}
