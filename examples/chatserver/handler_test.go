package main

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/hookweave/hookweave/stdlib/backend/scripted"
)

const reply = "First sentence here. Second one follows. Third ends it."

// get streams /chat with the query q from a server on b.
func get(t *testing.T, srv *httptest.Server, q url.Values) (*http.Response, []event) {
	t.Helper()
	resp, err := srv.Client().Get(srv.URL + "/chat?" + q.Encode())
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	evs, err := readEvents(resp.Body, nil)
	if err != nil {
		t.Fatal(err)
	}
	return resp, evs
}

func TestChat_StreamsChunksThenTheEnd(t *testing.T) {
	srv := httptest.NewServer(newMux(scripted.New(reply)))
	defer srv.Close()
	resp, evs := get(t, srv, url.Values{"prompt": {"hi"}, "max_words": {"5"}})
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Errorf("content type %q", ct)
	}
	if want := []string{"chunk", "chunk", "chunk", "end"}; !slices.Equal(names(evs), want) {
		t.Fatalf("events %v, want %v", names(evs), want)
	}
	var texts []string
	for i, e := range evs[:3] {
		var c chunkData
		decode(t, e, &c)
		if c.Index != i {
			t.Errorf("chunk %d has index %d", i, c.Index)
		}
		texts = append(texts, c.Text)
	}
	if got := strings.Join(texts, " "); got != reply {
		t.Errorf("chunks %q, want the reply", got)
	}
	var end endData
	decode(t, evs[3], &end)
	if want := (endData{Completed: true, Chunks: 3, FullTextLength: len(reply), Attempts: 1}); end != want {
		t.Errorf("end %+v, want %+v", end, want)
	}
}

func TestChat_AFailedCheckIsAnEventOfItsOwn(t *testing.T) {
	srv := httptest.NewServer(newMux(scripted.New(reply)))
	defer srv.Close()
	_, evs := get(t, srv, url.Values{"prompt": {"hi"}, "forbid": {"follows"}})
	if want := []string{"chunk", "check_failed", "end"}; !slices.Equal(names(evs), want) {
		t.Fatalf("events %v, want %v", names(evs), want)
	}
	var failed checkFailedData
	decode(t, evs[1], &failed)
	if failed.ChunkIndex != 1 || failed.Attempt != 1 || !slices.Equal(failed.Reasons, []string{`chunk contains forbidden word "follows"`}) {
		t.Errorf("check_failed %+v", failed)
	}
	var end endData
	decode(t, evs[2], &end)
	if end.Completed || end.Stopped || end.Chunks != 1 || !strings.HasPrefix(end.FailureReason, "Streaming validation failed: ") {
		t.Errorf("end %+v", end)
	}
}

func TestChat_ARetryIsAnEventOfItsOwn(t *testing.T) {
	b := scripted.New("", scripted.WithReplies("One is fine. Two is bad. ", "Uno is fine. Dos is fine. "))
	srv := httptest.NewServer(newMux(b))
	defer srv.Close()
	_, evs := get(t, srv, url.Values{"prompt": {"hi"}, "forbid": {"bad"}, "strategy": {"repair"}, "budget": {"3"}})
	if want := []string{"chunk", "check_failed", "retry", "chunk", "chunk", "end"}; !slices.Equal(names(evs), want) {
		t.Fatalf("events %v, want %v", names(evs), want)
	}
	var retry retryData
	decode(t, evs[2], &retry)
	if retry.Attempt != 2 || !strings.Contains(retry.Reason, `forbidden word "bad"`) {
		t.Errorf("retry %+v", retry)
	}
	var attempts []int
	for _, e := range []event{evs[0], evs[3], evs[4]} {
		var c chunkData
		decode(t, e, &c)
		attempts = append(attempts, c.Attempt)
	}
	if !slices.Equal(attempts, []int{1, 2, 2}) {
		t.Errorf("chunk attempts %v, want [1 2 2]", attempts)
	}
	var end endData
	decode(t, evs[5], &end)
	if !end.Completed || end.Attempts != 2 || end.FullTextLength != len("Uno is fine. Dos is fine. ") {
		t.Errorf("end %+v", end)
	}
}

func TestChat_AnErrorIsAnEventOfItsOwn(t *testing.T) {
	srv := httptest.NewServer(newMux(scripted.New(reply, scripted.WithDelta(4), scripted.WithFailAfter(2))))
	defer srv.Close()
	_, evs := get(t, srv, url.Values{"prompt": {"hi"}})
	if want := []string{"error", "end"}; !slices.Equal(names(evs), want) {
		t.Fatalf("events %v, want %v", names(evs), want)
	}
	var end endData
	decode(t, evs[1], &end)
	if end.Completed || end.Stopped {
		t.Errorf("end %+v", end)
	}
}

func TestChat_BadRequests(t *testing.T) {
	srv := httptest.NewServer(newMux(scripted.New(reply)))
	defer srv.Close()
	for _, q := range []string{"", "prompt=hi&max_words=0", "prompt=hi&forbid=", "prompt=hi&strategy=best", "prompt=hi&strategy=repair&budget=0"} {
		resp, err := srv.Client().Get(srv.URL + "/chat?" + q)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("?%s: status %d, want 400", q, resp.StatusCode)
		}
	}
}
