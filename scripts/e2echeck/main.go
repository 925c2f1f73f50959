// Command e2echeck checks, through Jaeger's query API, that a woven demo
// run exported the trace tree session > action > stream_with_chunking >
// chat. scripts/e2e.sh runs it. It imports only the standard library.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"time"
)

func main() {
	wait := flag.String("wait", "", "wait until this URL answers, then exit")
	query := flag.String("query", "http://127.0.0.1:16686", "Jaeger query base URL")
	service := flag.String("service", "mellea", "service name of the traces")
	flag.Parse()
	var err error
	if *wait != "" {
		err = waitFor(*wait, 30*time.Second)
	} else {
		err = check(*query, *service, 30*time.Second)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2echeck:", err)
		os.Exit(1)
	}
}

func waitFor(u string, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for {
		resp, err := http.Get(u)
		if err == nil {
			resp.Body.Close()
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s did not answer within %v: %w", u, limit, err)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

type span struct {
	SpanID        string `json:"spanID"`
	OperationName string `json:"operationName"`
	Tags          []kv   `json:"tags"`
	Logs          []struct {
		Fields []kv `json:"fields"`
	} `json:"logs"`
	References []struct {
		RefType string `json:"refType"`
		SpanID  string `json:"spanID"`
	} `json:"references"`
}

type kv struct {
	Key   string `json:"key"`
	Value any    `json:"value"`
}

type trace struct {
	TraceID string `json:"traceID"`
	Spans   []span `json:"spans"`
}

// check polls the query API until a trace of service holds the chain.
func check(base, service string, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	var last error
	for time.Now().Before(deadline) {
		traces, err := fetch(base, service)
		if err == nil {
			for _, t := range traces {
				if err = chain(t); err == nil {
					fmt.Printf("e2e: ok: trace %s: session > action > stream_with_chunking > chat, attributes and events (%d spans)\n", t.TraceID, len(t.Spans))
					return nil
				}
			}
			if len(traces) == 0 {
				err = errors.New("no trace yet")
			}
		}
		last = err
		time.Sleep(500 * time.Millisecond)
	}
	return fmt.Errorf("no trace of %s with the expected tree: %w", service, last)
}

func fetch(base, service string) ([]trace, error) {
	resp, err := http.Get(base + "/api/traces?limit=20&service=" + url.QueryEscape(service))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var body struct{ Data []trace }
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		return nil, fmt.Errorf("decoding the query answer: %w", err)
	}
	return body.Data, nil
}

// chain checks that t holds a span path session > action >
// stream_with_chunking > chat*.
func chain(t trace) error {
	byID := map[string]span{}
	for _, s := range t.Spans {
		byID[s.SpanID] = s
	}
	want := []string{"chat", "stream_with_chunking", "action", "session"}
	for _, s := range t.Spans {
		if !strings.HasPrefix(s.OperationName, "chat") {
			continue
		}
		if path := ancestors(s, byID); matches(path, want) {
			stream, _ := parentOf(s, byID)
			return attributes(s, stream)
		}
	}
	return fmt.Errorf("trace %s has no chat span under stream_with_chunking > action > session", t.TraceID)
}

// attributes checks the attributes and events (Jaeger's logs) that the
// demo run exported on its chat and stream_with_chunking spans.
func attributes(chat, stream span) error {
	for _, w := range []struct {
		s          span
		key, value string
	}{
		{chat, "gen_ai.operation.name", "chat"},
		{chat, "gen_ai.request.model", "scripted-model"},
		{chat, "gen_ai.provider.name", "scripted"},
		{stream, "mellea.chunking_strategy", "SentenceChunker"},
		{stream, "mellea.has_requirements", "true"},
		{stream, "mellea.requirement_count", "1"},
	} {
		if got, ok := tag(w.s.Tags, w.key); !ok || got != w.value {
			return fmt.Errorf("span %s: %s = %q, want %q", w.s.OperationName, w.key, got, w.value)
		}
	}
	var events []string
	for _, l := range stream.Logs {
		if e, ok := tag(l.Fields, "event"); ok {
			events = append(events, e)
		}
	}
	want := []string{"quick_check", "chunk", "streaming_done", "full_validation", "completed"}
	for _, w := range want {
		if !slices.Contains(events, w) {
			return fmt.Errorf("span stream_with_chunking: events %v lack %s", events, w)
		}
	}
	if events[len(events)-1] != "completed" {
		return fmt.Errorf("span stream_with_chunking: events %v do not end with completed", events)
	}
	return nil
}

func tag(kvs []kv, key string) (string, bool) {
	for _, t := range kvs {
		if t.Key == key {
			return fmt.Sprint(t.Value), true
		}
	}
	return "", false
}

func ancestors(s span, byID map[string]span) []string {
	var path []string
	for seen := 0; seen < 64; seen++ {
		path = append(path, s.OperationName)
		parent, ok := parentOf(s, byID)
		if !ok {
			return path
		}
		s = parent
	}
	return path
}

func parentOf(s span, byID map[string]span) (span, bool) {
	for _, r := range s.References {
		if r.RefType == "CHILD_OF" {
			p, ok := byID[r.SpanID]
			return p, ok
		}
	}
	return span{}, false
}

func matches(path, want []string) bool {
	if len(path) < len(want) {
		return false
	}
	for i, w := range want {
		if !strings.HasPrefix(path[i], w) {
			return false
		}
	}
	return true
}
