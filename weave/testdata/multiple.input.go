//go:build !hookweave_never

// Package multiple: several results, named together, two annotated
// functions in one file, early exits.
package multiple

import (
	"context"
	"fmt"

	"github.com/hookweave/hookweave/hooks"
)

type stream struct{ chunks []string }

func (s *stream) StreamingStart() hooks.StreamingStartPayload { return hooks.StreamingStartPayload{} }
func (s *stream) StreamingEnd(err error) hooks.StreamingEndPayload {
	return hooks.StreamingEndPayload{}
}

//mellea:hook streaming
func (s *stream) Run(ctx context.Context, limit int) (n int, last string, err error) {
	for _, c := range s.chunks {
		if n == limit {
			return n, last, fmt.Errorf("limit %d reached", limit)
		}
		n, last = n+1, c
	}
	return
}

//mellea:hook streaming
func (s *stream) First(ctx context.Context) (int, string, error) {
	if len(s.chunks) == 0 {
		panic("no chunks")
	}
	return 1, s.chunks[0], nil
}
