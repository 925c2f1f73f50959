// Command e2echeck is make e2e's Go side (scripts/e2e.sh). By default it
// checks, through Jaeger's query API, that a woven demo run exported the
// trace tree session > action > stream > chat with the names of one mellea
// release (-profile v0.7 or main): the stream span's name and one renamed
// key of each span kind. -call URL streams the example chat service with
// an otelhttp client (-leave: going away after the first chunk) and
// prints the trace id; -trace ID checks that trace in Jaeger (-stopped:
// the stream its client left); -metrics URL checks a Prometheus endpoint
// for LLM errors.
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
	name := flag.String("profile", "v0.7", "the names the run used: v0.7 or main")
	callURL := flag.String("call", "", "stream this URL with an otelhttp client; print the trace id")
	leave := flag.Bool("leave", false, "with -call: go away after the first chunk")
	traceID := flag.String("trace", "", "check the chat service's trace of this id")
	stopped := flag.Bool("stopped", false, "with -trace: the stream was stopped by its client")
	metrics := flag.String("metrics", "", "check this Prometheus endpoint for LLM errors")
	flag.Parse()
	if err := chatCheck(*callURL, *leave, *query, *traceID, *stopped, *metrics); err != errNoService {
		if err != nil {
			fmt.Fprintln(os.Stderr, "e2echeck:", err)
			os.Exit(1)
		}
		return
	}
	p, ok := profiles[*name]
	if !ok {
		fmt.Fprintf(os.Stderr, "e2echeck: unknown profile %q: use v0.7 or main\n", *name)
		os.Exit(2)
	}
	var err error
	if *wait != "" {
		err = waitFor(*wait, 30*time.Second)
	} else {
		err = check(*query, *service, p, 30*time.Second)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2echeck:", err)
		os.Exit(1)
	}
}

var errNoService = errors.New("no chat service check asked for")

// chatCheck runs the chat service's checks the flags ask for.
func chatCheck(callURL string, leave bool, query, traceID string, stopped bool, metrics string) error {
	switch {
	case callURL != "":
		id, err := call(callURL, leave)
		if err == nil {
			fmt.Println(id)
		}
		return err
	case traceID != "":
		return serviceTrace(query, traceID, stopped, 30*time.Second)
	case metrics != "":
		return noLLMErrors(metrics)
	}
	return errNoService
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

// expect is what one profile's run exports: the stream span's name and,
// per span kind, one key that the releases name differently, with its
// value ("" when any value will do).
type expect struct {
	stream                 string
	session, start, action want
	streamKey, chat        want
}

type want struct{ key, value string }

var profiles = map[string]expect{
	"v0.7": {
		stream:    "stream_with_chunking",
		session:   want{"mellea.session_id", ""},
		start:     want{"mellea.model_id", "scripted-model"},
		action:    want{"mellea.action_type", "Instruction"},
		streamKey: want{"mellea.chunking_strategy", "SentenceChunker"},
		chat:      want{"mellea.streaming", "true"},
	},
	"main": {
		stream:    "stream",
		session:   want{"mellea.session.id", ""},
		start:     want{"gen_ai.request.model", "scripted-model"},
		action:    want{"mellea.component.type", "Instruction"},
		streamKey: want{"mellea.streaming.chunking_strategy", "SentenceChunking"},
		chat:      want{"gen_ai.request.stream", "true"},
	},
}

// check polls the query API until a trace of service holds the chain and
// another its start_session span.
func check(base, service string, p expect, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	var last error
	for time.Now().Before(deadline) {
		traces, err := fetch(base, service)
		if err == nil {
			for _, t := range traces {
				if err = chain(t, p); err == nil {
					err = startSession(traces, p)
				}
				if err == nil {
					fmt.Printf("e2e: ok: trace %s: session > action > %s > chat, renamed keys, events (%d spans)\n", t.TraceID, p.stream, len(t.Spans))
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

// chain checks that t holds a span path session > action > stream > chat*
// with the profile's names.
func chain(t trace, p expect) error {
	byID := map[string]span{}
	for _, s := range t.Spans {
		byID[s.SpanID] = s
	}
	path := []string{"chat", p.stream, "action", "session"}
	for _, s := range t.Spans {
		if !strings.HasPrefix(s.OperationName, "chat") {
			continue
		}
		if anc := ancestors(s, byID); matches(anc, path) {
			stream, _ := parentOf(s, byID)
			action, _ := parentOf(stream, byID)
			session, _ := parentOf(action, byID)
			return attributes(s, stream, action, session, p)
		}
	}
	return fmt.Errorf("trace %s has no chat span under %s > action > session", t.TraceID, p.stream)
}

// startSession checks that one of traces holds the start_session span
// with the profile's key.
func startSession(traces []trace, p expect) error {
	for _, t := range traces {
		for _, s := range t.Spans {
			if s.OperationName == "start_session" {
				return has(s, p.start)
			}
		}
	}
	return errors.New("no start_session span")
}

func has(s span, w want) error {
	got, ok := tag(s.Tags, w.key)
	if !ok || (w.value != "" && got != w.value) {
		return fmt.Errorf("span %s: %s = %q (present: %v), want %q", s.OperationName, w.key, got, ok, w.value)
	}
	return nil
}

// attributes checks the attributes and events (Jaeger's logs) that the
// demo run exported on its spans.
func attributes(chat, stream, action, session span, p expect) error {
	if stream.OperationName != p.stream {
		return fmt.Errorf("stream span %q, want %q", stream.OperationName, p.stream)
	}
	for _, w := range []struct {
		s span
		w want
	}{
		{chat, want{"gen_ai.operation.name", "chat"}},
		{chat, want{"gen_ai.request.model", "scripted-model"}},
		{chat, want{"gen_ai.provider.name", "scripted"}},
		{chat, p.chat},
		{stream, p.streamKey},
		{action, p.action},
		{session, p.session},
	} {
		if err := has(w.s, w.w); err != nil {
			return err
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
			return fmt.Errorf("span %s: events %v lack %s", stream.OperationName, events, w)
		}
	}
	if events[len(events)-1] != "completed" {
		return fmt.Errorf("span %s: events %v do not end with completed", stream.OperationName, events)
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
