package hookstest_test

import (
	"context"
	"slices"
	"testing"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/hooks/hookstest"
)

func TestRecord_KeepsThePayloadsOfItsHooksInOrder(t *testing.T) {
	rec := hookstest.Record(t, hooks.SessionReset, hooks.StreamingEvent)
	if rec.Last() != nil || len(rec.Payloads()) != 0 {
		t.Fatal("a new recorder has payloads")
	}
	ctx := hooks.WithSession(context.Background(), "s", nil)
	reset := &hooks.SessionPayload{}
	if err := hooks.Fire(ctx, hooks.SessionReset, reset); err != nil {
		t.Fatal(err)
	}
	hooks.EmitEvent(ctx, "st", hooks.ChunkEvent{Text: "a", ChunkIndex: 0}, nil)
	hooks.EmitEvent(ctx, "st", hooks.ChunkEvent{Text: "b", ChunkIndex: 1}, nil)
	// Not one of its hooks: not recorded.
	if err := hooks.Fire(ctx, hooks.SessionCleanup, &hooks.SessionPayload{}); err != nil {
		t.Fatal(err)
	}

	ps := rec.Payloads()
	if len(ps) != 3 {
		t.Fatalf("%d payloads, want 3: %#v", len(ps), ps)
	}
	if got := ps[0].(*hooks.SessionPayload).SessionID; got != "s" {
		t.Errorf("session_reset payload for session %q", got)
	}
	if got, want := rec.Count(hooks.StreamingEvent), 2; got != want {
		t.Errorf("Count(streaming_event) = %d, want %d", got, want)
	}
	if got := rec.Count(hooks.SessionCleanup); got != 0 {
		t.Errorf("Count(session_cleanup) = %d", got)
	}
	if got := rec.Last().(*hooks.StreamingEventPayload).Event.(hooks.ChunkEvent).Text; got != "b" {
		t.Errorf("Last is the chunk %q, want b", got)
	}
	if got := rec.EventNames(); !slices.Equal(got, []string{"chunk", "chunk"}) {
		t.Errorf("EventNames = %q", got)
	}
	var texts []string
	for _, c := range hookstest.EventsOf[hooks.ChunkEvent](rec) {
		texts = append(texts, c.Text)
	}
	if !slices.Equal(texts, []string{"a", "b"}) {
		t.Errorf("chunks %q", texts)
	}
	if got := len(hookstest.PayloadsOf[*hooks.SessionPayload](rec)); got != 1 {
		t.Errorf("%d session payloads, want 1", got)
	}
	if got := len(hookstest.EventsOf[hooks.CompletedEvent](rec)); got != 0 {
		t.Errorf("%d completed events, want none", got)
	}
}

func TestRecord_EveryHookWhenNoneIsNamed(t *testing.T) {
	rec := hookstest.Record(t)
	for _, h := range hooks.Hooks() {
		if !hooks.Listening(h) {
			t.Errorf("nothing listens to %s", h)
		}
	}
	hooks.EmitEvent(context.Background(), "st", hooks.CompletedEvent{Success: true}, nil)
	if rec.Count(hooks.StreamingEvent) != 1 {
		t.Error("the event was not recorded")
	}
}

func TestRecord_UnregistersWhenTheTestEnds(t *testing.T) {
	var rec *hookstest.Recorder
	t.Run("inner", func(t *testing.T) {
		rec = hookstest.Record(t, hooks.StreamingEvent)
		// Two recorders at once: each has a name of its own.
		hookstest.Record(t, hooks.StreamingEvent)
	})
	if hooks.Listening(hooks.StreamingEvent) {
		t.Fatal("a recorder is still registered after its test ended")
	}
	hooks.EmitEvent(context.Background(), "st", hooks.CompletedEvent{}, nil)
	if n := len(rec.Payloads()); n != 0 {
		t.Errorf("recorded %d payloads after its test ended", n)
	}
}

func TestDrain_StopsForNothing(t *testing.T) {
	seq := func(yield func(int, error) bool) {
		for i := range 3 {
			if !yield(i, nil) {
				t.Error("Drain stopped early")
				return
			}
		}
	}
	values, errs := hookstest.Drain(seq)
	if !slices.Equal(values, []int{0, 1, 2}) || errs != nil {
		t.Errorf("Drain = %v, %v", values, errs)
	}
}
