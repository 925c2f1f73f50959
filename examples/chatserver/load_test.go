package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/stdlib/backend"
	"github.com/hookweave/hookweave/stdlib/backend/scripted"
)

// ends counts, per stream, its CompletedEvent (every build) and its
// streaming_end hook (woven builds), and how the stream ended.
type ends struct {
	mu        sync.Mutex
	completed map[string]int
	end       map[string]int
	stopped   int
}

func (e *ends) handlers() map[hooks.Hook]hooks.Handler {
	return map[hooks.Hook]hooks.Handler{
		hooks.StreamingEvent: func(_ context.Context, p hooks.Payload) hooks.Result {
			if ev := p.(*hooks.StreamingEventPayload); isCompleted(ev.Event) {
				e.mu.Lock()
				e.completed[ev.StreamingID]++
				e.mu.Unlock()
			}
			return hooks.Result{}
		},
		hooks.StreamingEnd: func(_ context.Context, p hooks.Payload) hooks.Result {
			end := p.(*hooks.StreamingEndPayload)
			e.mu.Lock()
			e.end[end.StreamingID]++
			if end.Stopped {
				e.stopped++
			}
			e.mu.Unlock()
			return hooks.Result{}
		},
	}
}

func isCompleted(ev hooks.Event) bool { _, ok := ev.(hooks.CompletedEvent); return ok }

// TestLoad holds the handler under a few hundred concurrent clients on
// 127.0.0.1, a third of them going away after their first chunk, in a
// reply long enough that they leave mid-stream. Every stream ends once,
// every request is served once and every staying client gets its whole
// reply and one end; afterwards the server's goroutines and heap are back
// where they started.
func TestLoad(t *testing.T) {
	const clients = 300
	// A first round sets up what every later one reuses (the runtime's
	// goroutine structures, the HTTP packages' caches); the second must
	// leave nothing behind.
	load(t, clients)
	ignore := goleak.IgnoreCurrent()
	heapBefore := heap()
	load(t, clients)
	goleak.VerifyNone(t, ignore)
	// The 100 long replies alone are 1.5 MB: streams kept alive past their
	// requests would show.
	if after := heap(); after > heapBefore+256<<10 {
		t.Errorf("heap in use %d KiB after the load, %d KiB before", after>>10, heapBefore>>10)
	} else {
		t.Logf("heap in use %d KiB after the load, %d KiB before", after>>10, heapBefore>>10)
	}
}

// load runs the clients against a server of its own and checks what they
// and the server saw; the server and its connections are closed on return.
func load(t *testing.T, clients int) {
	e := &ends{completed: map[string]int{}, end: map[string]int{}}
	unregister, err := hooks.Register("loadtest", e.handlers(), hooks.WithMode(hooks.Audit), hooks.WithTimeout(0))
	if err != nil {
		t.Fatal(err)
	}
	defer unregister()
	long := strings.Repeat("A sentence that goes on for a while. ", 400)
	b := scripted.New("", scripted.WithDelay(time.Millisecond), scripted.WithDelta(16),
		scripted.WithReplyFunc(func(req backend.Request) string {
			if strings.HasPrefix(req.Action, "leave") {
				return long
			}
			return reply
		}))
	var mu sync.Mutex
	served := map[string]int{} // requests per prompt, under mu
	count := func(prompt string) {
		mu.Lock()
		defer mu.Unlock()
		served[prompt]++
	}
	mux := newMux(b)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		count(r.URL.Query().Get("prompt"))
		mux.ServeHTTP(w, r)
	}))
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients}}

	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	errs := make(chan error, clients)
	var wg sync.WaitGroup
	for i := range clients {
		wg.Go(func() {
			leave := i%3 == 0
			prompt := fmt.Sprintf("stay-%d", i)
			if leave {
				prompt = fmt.Sprintf("leave-%d", i)
			}
			errs <- call(ctx, client, srv.URL, prompt, leave)
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	srv.Close() // waits for the handlers
	client.CloseIdleConnections()

	if len(served) != clients {
		t.Errorf("%d requests served, want %d", len(served), clients)
	}
	for i := range clients {
		prompt := fmt.Sprintf("stay-%d", i)
		if i%3 == 0 {
			prompt = fmt.Sprintf("leave-%d", i)
		}
		if n := served[prompt]; n != 1 {
			t.Errorf("request %s served %d times, want once", prompt, n)
		}
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if len(e.completed) != clients {
		t.Errorf("%d streams sent their CompletedEvent, want %d", len(e.completed), clients)
	}
	for id, n := range e.completed {
		if n != 1 {
			t.Errorf("stream %s: %d CompletedEvents, want 1", id, n)
		}
	}
	if hooks.Woven() {
		if len(e.end) != clients {
			t.Errorf("%d streams fired streaming_end, want %d", len(e.end), clients)
		}
		for id, n := range e.end {
			if n != 1 {
				t.Errorf("stream %s: streaming_end fired %d times, want once", id, n)
			}
		}
		if want := (clients + 2) / 3; e.stopped != want {
			t.Errorf("%d streams ended stopped, want the %d whose client went away", e.stopped, want)
		}
	}
}

// call streams prompt; a leaving client goes away after its first chunk,
// a staying one checks that it got the whole reply and one end.
func call(ctx context.Context, c *http.Client, base, prompt string, leave bool) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/chat?"+url.Values{"prompt": {prompt}}.Encode(), nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return fmt.Errorf("%s: %w", prompt, err)
	}
	defer resp.Body.Close()
	evs, err := readEvents(resp.Body, func(e event) bool { return leave && e.name == "chunk" })
	if err != nil {
		return fmt.Errorf("%s: %w", prompt, err)
	}
	got := strings.Join(names(evs), " ")
	want := "chunk chunk chunk end"
	if leave {
		want = "chunk"
	}
	if got != want {
		return fmt.Errorf("%s: events %q, want %q", prompt, got, want)
	}
	return nil
}

// heap is the heap in use once garbage is collected.
func heap() uint64 {
	var ms runtime.MemStats
	for range 2 {
		runtime.GC()
	}
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}
