package streaming_test

import (
	"context"
	"fmt"

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
