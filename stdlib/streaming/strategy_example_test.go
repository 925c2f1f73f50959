package streaming_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/hookweave/hookweave/stdlib/backend"
	"github.com/hookweave/hookweave/stdlib/backend/scripted"
	"github.com/hookweave/hookweave/stdlib/streaming"
)

// hint is a custom strategy: every retry sends the original messages after
// a system message that lists what failed so far, and when every attempt
// failed the result reports the last one.
type hint struct{ budget int }

func (hint) Name() string  { return "HintStrategy" }
func (h hint) Budget() int { return h.budget }
func (hint) Repair(original backend.Request, attempts []streaming.Attempt) backend.Request {
	var reasons []string
	for _, a := range attempts {
		for _, f := range a.Failures {
			reasons = append(reasons, f.Reason)
		}
	}
	system := backend.Message{Role: "system", Content: "Avoid: " + strings.Join(reasons, "; ")}
	original.Messages = append([]backend.Message{system}, original.Messages...)
	return original
}
func (hint) Select(attempts []streaming.Attempt) int { return len(attempts) - 1 }

// A program writes its own strategy; ranging over Chunks, it tells a new
// attempt by Stream.Attempt, as a UI that must clear what it showed does.
func ExampleStrategy() {
	b := scripted.New("", scripted.WithReplies(
		"Go is fun. Go is bad at nothing. Go is done.",
		"Go is fun. Go is fast.",
	))
	req := backend.Request{Messages: []backend.Message{{Role: "user", Content: "Praise Go."}}}
	s := streaming.New(context.Background(), b, req,
		streaming.WithRequirements(forbid{"bad"}), streaming.WithStrategy(hint{budget: 3}))
	defer s.Close()
	shown := 0
	for chunk, err := range s.Chunks() {
		if err != nil {
			fmt.Println("error:", err)
			break
		}
		if s.Attempt() != shown {
			shown = s.Attempt()
			fmt.Printf("-- attempt %d\n", shown)
		}
		fmt.Println(chunk)
	}
	res := s.Result()
	fmt.Printf("attempts=%d completed=%v full_text=%q\n", len(res.Attempts), res.Completed, res.FullText)
	fmt.Println("attempt 1:", res.Attempts[0].FailureReason)
	// Output:
	// -- attempt 1
	// Go is fun.
	// -- attempt 2
	// Go is fun.
	// Go is fast.
	// attempts=2 completed=true full_text="Go is fun. Go is fast."
	// attempt 1: Streaming validation failed: mentions bad
}
