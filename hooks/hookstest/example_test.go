package hookstest_test

import (
	"context"
	"errors"
	"fmt"
	"iter"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/hooks/hookstest"
)

// A Recorder keeps what a plugin at its place would see. In a test,
// hookstest.Record(t, hooks.StreamingEvent) registers one globally until
// the test ends; here, outside a test, its handlers are registered by
// hand.
func ExampleRecorder() {
	var rec hookstest.Recorder
	unregister, err := hooks.Register("example", rec.Handlers(hooks.StreamingEvent), hooks.WithMode(hooks.Audit))
	if err != nil {
		panic(err)
	}
	defer unregister()

	ctx := context.Background()
	hooks.EmitEvent(ctx, "s1", hooks.ChunkEvent{Text: "Hello. ", ChunkIndex: 0}, nil)
	hooks.EmitEvent(ctx, "s1", hooks.CompletedEvent{Success: true, FullText: "Hello. "}, nil)

	fmt.Println(rec.EventNames(), rec.Count(hooks.StreamingEvent))
	for _, c := range hookstest.EventsOf[hooks.CompletedEvent](&rec) {
		fmt.Printf("completed: success=%v %q\n", c.Success, c.FullText)
	}
	// Output:
	// [chunk completed] 2
	// completed: success=true "Hello. "
}

// Drain ranges over a stream of values and errors, such as a
// streaming.Stream's Chunks, to its end.
func ExampleDrain() {
	chunks := func(yield func(string, error) bool) {
		_ = yield("One. ", nil) && yield("", errors.New("check failed")) && yield("Two. ", nil)
	}
	values, errs := hookstest.Drain(iter.Seq2[string, error](chunks))
	fmt.Printf("%q %v\n", values, errs)
	// Output:
	// ["One. " "Two. "] [check failed]
}
