package session_test

import (
	"context"
	"fmt"

	"github.com/hookweave/hookweave/stdlib/backend/scripted"
	"github.com/hookweave/hookweave/stdlib/requirement"
	"github.com/hookweave/hookweave/stdlib/session"
)

func Example() {
	b := scripted.New("Go compiles fast. Go is boring. Go has goroutines.", scripted.WithDelta(5))
	err := session.Run(context.Background(), session.Config{Backend: b}, func(ctx context.Context, s *session.Session) error {
		stream := s.Stream(ctx, session.Instruction{
			Text:         "Tell me about Go.",
			Requirements: []requirement.Requirement{requirement.Forbid("boring"), requirement.MaxWords(10)},
		})
		defer stream.Close()
		for chunk, err := range stream.Chunks() {
			if err != nil {
				return err
			}
			fmt.Println(chunk)
		}
		res := stream.Result()
		fmt.Printf("completed=%v: %s\n", res.Completed, res.FailureReason)
		return nil
	})
	if err != nil {
		fmt.Println("error:", err)
	}
	// Output:
	// Go compiles fast.
	// completed=false: Streaming validation failed: chunk contains forbidden word "boring"
}
