package streaming_test

import (
	"context"
	"fmt"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/stdlib/backend"
	"github.com/hookweave/hookweave/stdlib/backend/scripted"
	"github.com/hookweave/hookweave/stdlib/streaming"
)

func Example() {
	b := scripted.New("Go is fun. Go is fast. Go is bad at nothing. Go is done.", scripted.WithDelta(3))
	req := backend.Request{Messages: []backend.Message{{Role: "user", Content: "Praise Go."}}}
	s := streaming.New(context.Background(), b, req, streaming.WithRequirements(forbid{"bad"}))
	defer s.Close()
	for chunk, err := range s.Chunks() {
		if err != nil {
			fmt.Println("error:", err)
			break
		}
		fmt.Println(chunk)
	}
	res := s.Result()
	fmt.Printf("completed=%v full_text=%q\n%s\n", res.Completed, res.FullText, res.FailureReason)
	// Output:
	// Go is fun.
	// Go is fast.
	// completed=false full_text="Go is fun. Go is fast."
	// Streaming validation failed: mentions bad
}

// A program takes one stream's events with WithEvents: in plain and woven
// builds alike, with no plugin registered, on the consumer's goroutine.
func ExampleWithEvents() {
	b := scripted.New("Go is fun. Go is fast.")
	req := backend.Request{Messages: []backend.Message{{Role: "user", Content: "Praise Go."}}}
	s := streaming.New(context.Background(), b, req, streaming.WithEvents(func(ev hooks.Event) {
		switch ev := ev.(type) {
		case hooks.ChunkEvent:
			fmt.Printf("event %s %d: %q\n", ev.EventName(), ev.ChunkIndex, ev.Text)
		case hooks.CompletedEvent:
			fmt.Printf("event %s: success=%v\n", ev.EventName(), ev.Success)
		default:
			fmt.Println("event", ev.EventName())
		}
	}))
	for chunk, err := range s.Chunks() {
		if err != nil {
			fmt.Println("error:", err)
			break
		}
		fmt.Println("chunk", chunk)
	}
	// Output:
	// event chunk 0: "Go is fun."
	// chunk Go is fun.
	// event chunk 1: "Go is fast."
	// chunk Go is fast.
	// event streaming_done
	// event completed: success=true
}
