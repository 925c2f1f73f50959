package main

import (
	"bufio"
	"encoding/json"
	"io"
	"strings"
	"testing"
)

// event is one server-sent event as a client reads it.
type event struct {
	name, data string
}

// readEvents reads server-sent events from r until it ends or stop says so.
func readEvents(r io.Reader, stop func(event) bool) ([]event, error) {
	var evs []event
	var cur event
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "":
			if cur.name != "" {
				evs = append(evs, cur)
				if stop != nil && stop(cur) {
					return evs, nil
				}
			}
			cur = event{}
		case strings.HasPrefix(line, "event: "):
			cur.name = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: "):
			cur.data = strings.TrimPrefix(line, "data: ")
		}
	}
	return evs, sc.Err()
}

func names(evs []event) []string {
	out := make([]string, len(evs))
	for i, e := range evs {
		out[i] = e.name
	}
	return out
}

// decode unmarshals an event's data into v.
func decode(t testing.TB, e event, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(e.data), v); err != nil {
		t.Fatalf("event %s: %v: %s", e.name, err, e.data)
	}
}
