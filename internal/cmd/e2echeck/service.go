package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"time"
)

// serviceTrace polls the query API for trace id until it holds a chat
// span under stream_with_chunking > action > session > a server span > a
// client span, and, with stopped, the stream that a client going away
// stopped: its chat span ends "Generation cancelled", the stream reports
// its completion unsuccessful and no error event.
func serviceTrace(base, id string, stopped bool, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	var last error
	for time.Now().Before(deadline) {
		t, err := fetchTrace(base, id)
		if err == nil {
			err = serviceChain(t, stopped)
			if err == nil {
				fmt.Printf("e2e: ok: trace %s: client > server > session > action > stream_with_chunking > chat (%d spans)%s\n",
					id, len(t.Spans), map[bool]string{true: ", stream stopped, generation cancelled"}[stopped])
				return nil
			}
		}
		last = err
		time.Sleep(500 * time.Millisecond)
	}
	return fmt.Errorf("trace %s: %w", id, last)
}

func fetchTrace(base, id string) (trace, error) {
	resp, err := http.Get(base + "/api/traces/" + id)
	if err != nil {
		return trace{}, err
	}
	defer resp.Body.Close()
	var body struct{ Data []trace }
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		return trace{}, fmt.Errorf("decoding the query answer: %w", err)
	}
	if len(body.Data) == 0 {
		return trace{}, errors.New("not found yet")
	}
	return body.Data[0], nil
}

func serviceChain(t trace, stopped bool) error {
	byID := map[string]span{}
	for _, s := range t.Spans {
		byID[s.SpanID] = s
	}
	want := []string{"chat", "stream_with_chunking", "action", "session", "server", "client"}
	for _, s := range t.Spans {
		if s.OperationName != "chat" {
			continue
		}
		var got []string
		for p, ok := s, true; ok && len(got) < len(want); p, ok = parentOf(p, byID) {
			if kind, _ := tag(p.Tags, "span.kind"); kind == "server" || kind == "client" {
				got = append(got, kind)
			} else {
				got = append(got, p.OperationName)
			}
		}
		if !slices.Equal(got, want) {
			return fmt.Errorf("chat's ancestors %v, want %v", got, want)
		}
		if stopped {
			stream, _ := parentOf(s, byID)
			return stoppedStream(s, stream)
		}
		return nil
	}
	return fmt.Errorf("no chat span among %d spans", len(t.Spans))
}

// stoppedStream checks a stream that its consumer stopped.
func stoppedStream(chat, stream span) error {
	if d, _ := tag(chat.Tags, "otel.status_description"); d != "Generation cancelled" {
		return fmt.Errorf("chat span status %q, want Generation cancelled", d)
	}
	var completed bool
	for _, l := range stream.Logs {
		switch e, _ := tag(l.Fields, "event"); e {
		case "error":
			return errors.New("the stopped stream has an error event")
		case "completed":
			s, _ := tag(l.Fields, "success")
			completed = s == "false"
		}
	}
	if !completed {
		return errors.New("the stopped stream has no completed event with success=false")
	}
	return nil
}

// noLLMErrors checks the Prometheus endpoint at url: the LLM request
// duration is there, the LLM error counter is not.
func noLLMErrors(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if !containsLine(b, "mellea_llm_request_duration") {
		return fmt.Errorf("%s has no mellea_llm_request_duration: no generation was recorded", url)
	}
	if containsLine(b, "mellea_llm_errors") {
		return fmt.Errorf("%s counts an LLM error", url)
	}
	fmt.Println("e2e: ok: no LLM error counted")
	return nil
}

// containsLine reports whether a line of b starts with prefix.
func containsLine(b []byte, prefix string) bool {
	for line := range bytes.Lines(b) {
		if bytes.HasPrefix(line, []byte(prefix)) {
			return true
		}
	}
	return false
}
