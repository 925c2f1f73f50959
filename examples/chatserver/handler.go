package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"unicode/utf8"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/stdlib/backend"
	"github.com/hookweave/hookweave/stdlib/requirement"
	"github.com/hookweave/hookweave/stdlib/session"
	"github.com/hookweave/hookweave/stdlib/streaming"
)

// chatHandler streams a session's validated reply to a prompt as
// server-sent events:
//
//	GET /chat?prompt=...&max_words=N&forbid=WORD (forbid repeatable)
//	         &strategy=rejection|repair&budget=N (retry a failed attempt)
//
// Each delivered chunk is a "chunk" event, with its attempt; a failed check
// is a "check_failed" event; with a strategy, a "retry" event says that a
// new attempt begins (a client clears what the failed attempt showed); an
// error is an "error" event; "end" comes last, with the stream's outcome. When the client goes away (the
// request's context ends) the stream stops, its generation is cancelled,
// and nothing more is written.
type chatHandler struct {
	backend backend.Backend
}

// The events' payloads, as JSON.
type (
	chunkData struct {
		Index   int    `json:"index"`
		Attempt int    `json:"attempt"`
		Text    string `json:"text"`
	}
	retryData struct {
		Attempt int    `json:"attempt"`
		Reason  string `json:"reason"`
	}
	checkFailedData struct {
		ChunkIndex int      `json:"chunk_index"`
		Attempt    int      `json:"attempt"`
		Reasons    []string `json:"reasons"`
	}
	errorData struct {
		Error string `json:"error"`
	}
	endData struct {
		Completed      bool   `json:"completed"`
		Stopped        bool   `json:"stopped"`
		FailureReason  string `json:"failure_reason,omitempty"`
		Chunks         int    `json:"chunks"`
		FullTextLength int    `json:"full_text_length"`
		Attempts       int    `json:"attempts"`
	}
)

func (h chatHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	in, err := instruction(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	ev, ok := newEventWriter(w)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	in.Events = func(e hooks.Event) {
		if name, data, ok := streamEvent(e); ok {
			ev.send(name, data)
		}
	}
	ctx := r.Context()
	var res streaming.Result
	chunks := 0
	err = session.Run(ctx, session.Config{Backend: h.backend}, func(ctx context.Context, s *session.Session) error {
		st := s.Stream(ctx, in)
		defer st.Close()
		for chunk, err := range st.Chunks() {
			if err != nil {
				break // in the result too
			}
			ev.send("chunk", chunkData{Index: chunks, Attempt: st.Attempt(), Text: chunk})
			chunks++
		}
		res = st.Result()
		return nil
	})
	if ctx.Err() != nil {
		return // the client went away: nobody to tell
	}
	if err == nil {
		err = res.Err
	}
	if err != nil {
		ev.send("error", errorData{Error: err.Error()})
	}
	ev.send("end", endData{
		Completed:      res.Succeeded() && err == nil,
		Stopped:        res.Stopped,
		FailureReason:  res.FailureReason,
		Chunks:         chunks,
		FullTextLength: utf8.RuneCountInString(res.FullText),
		Attempts:       len(res.Attempts),
	})
}

// streamEvent maps an event of the stream to the server-sent event the
// client gets, if any. Chunks are sent as the loop receives them and the end
// once the stream is over; between them come the events that say what
// happened to the stream.
func streamEvent(e hooks.Event) (name string, data any, ok bool) {
	switch e := e.(type) {
	case hooks.RetryEvent:
		return "retry", retryData{Attempt: e.Attempt, Reason: e.Reason}, true
	case hooks.QuickCheckEvent:
		if e.Passed {
			return "", nil, false
		}
		var reasons []string
		for _, r := range e.Results {
			if r.Outcome == hooks.Fail {
				reasons = append(reasons, r.Reason)
			}
		}
		return "check_failed", checkFailedData{ChunkIndex: e.ChunkIndex, Attempt: e.Attempt, Reasons: reasons}, true
	}
	return "", nil, false
}

// instruction reads the prompt and the requirements of a request.
func instruction(r *http.Request) (session.Instruction, error) {
	q := r.URL.Query()
	in := session.Instruction{Text: q.Get("prompt")}
	if in.Text == "" {
		return in, errors.New("missing prompt: /chat?prompt=...")
	}
	if v := q.Get("max_words"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return in, fmt.Errorf("max_words=%q: want a positive number", v)
		}
		in.Requirements = append(in.Requirements, requirement.MaxWords(n))
	}
	for _, w := range q["forbid"] {
		if w == "" {
			return in, errors.New("forbid: empty word")
		}
		in.Requirements = append(in.Requirements, requirement.Forbid(w))
	}
	budget := session.DefaultBudget
	if v := q.Get("budget"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return in, fmt.Errorf("budget=%q: want a positive number of attempts", v)
		}
		budget = n
	}
	switch v := q.Get("strategy"); v {
	case "":
	case "rejection":
		in.Strategy = streaming.RejectionSampling(budget)
	case "repair":
		in.Strategy = streaming.RepairTemplate(budget)
	default:
		return in, fmt.Errorf("strategy=%q: want rejection or repair", v)
	}
	return in, nil
}

// eventWriter writes server-sent events, flushing each. After a failed
// write it writes nothing more.
type eventWriter struct {
	w      http.ResponseWriter
	flush  http.Flusher
	failed bool
}

func newEventWriter(w http.ResponseWriter) (*eventWriter, bool) {
	f, ok := w.(http.Flusher)
	if !ok {
		return nil, false
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	f.Flush()
	return &eventWriter{w: w, flush: f}, true
}

func (ev *eventWriter) send(name string, data any) {
	if ev.failed {
		return
	}
	b, err := json.Marshal(data)
	if err == nil {
		_, err = fmt.Fprintf(ev.w, "event: %s\ndata: %s\n\n", name, b)
	}
	if err != nil {
		ev.failed = true
		return
	}
	ev.flush.Flush()
}
