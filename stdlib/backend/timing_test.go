package backend

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/hookweave/hookweave/hooks"
)

// paced is a Streamer that sends each delta after a pause.
type paced struct {
	deltas []string
	pause  time.Duration
}

func (*paced) Name() string  { return "paced" }
func (*paced) Model() string { return "m" }
func (p *paced) Generate(ctx context.Context, req Request) (Response, error) {
	return p.Stream(ctx, req, func(string) error { return nil })
}
func (p *paced) Stream(_ context.Context, _ Request, onDelta func(string) error) (Response, error) {
	var text string
	for _, d := range p.deltas {
		time.Sleep(p.pause)
		text += d
		if err := onDelta(d); err != nil {
			return Response{}, err
		}
	}
	return Response{Text: text}, nil
}

// The time to first token and each chunk's time since the last are the
// backend's pace, with and without a plugin listening to
// generation_event (without one, the clock is read for the first delta
// only).
func TestTiming_TimeToFirstTokenAndSinceLast(t *testing.T) {
	const pause = 5 * time.Millisecond
	for _, chunks := range []bool{true, false} {
		var (
			mu     sync.Mutex
			events []hooks.GenerationEventPayload
			post   *hooks.GenerationPayload
		)
		hs := map[hooks.Hook]hooks.Handler{
			hooks.GenerationPostCall: func(_ context.Context, p hooks.Payload) hooks.Result {
				mu.Lock()
				defer mu.Unlock()
				post = p.(*hooks.GenerationPayload)
				return hooks.Result{}
			},
		}
		if chunks {
			hs[hooks.GenerationEvent] = func(_ context.Context, p hooks.Payload) hooks.Result {
				mu.Lock()
				defer mu.Unlock()
				events = append(events, *p.(*hooks.GenerationEventPayload))
				return hooks.Result{}
			}
		}
		unregister, err := hooks.Register("timing", hs, hooks.WithMode(hooks.Audit))
		if err != nil {
			t.Fatal(err)
		}
		err = wovenStream(context.Background(), &paced{deltas: []string{"a", "b", "c"}, pause: pause}, Request{})
		unregister()
		if err != nil {
			t.Fatal(err)
		}
		mu.Lock()
		if post == nil || post.TimeToFirstToken < pause || post.TimeToFirstToken > post.Latency {
			t.Errorf("chunk events %v: post_call %+v: want a time to first token of at least %v, within the latency", chunks, post, pause)
		}
		if chunks {
			if len(events) != 3 {
				t.Fatalf("generation_event fired %d times, want 3", len(events))
			}
			for i, e := range events {
				if e.ChunkIndex != i || (i == 0) != (e.SinceLast == 0) || (i > 0 && e.SinceLast < pause) {
					t.Errorf("chunk %d: %+v: want index %d and, after the first, at least %v since the last", i, e, i, pause)
				}
			}
		}
		mu.Unlock()
	}
}
