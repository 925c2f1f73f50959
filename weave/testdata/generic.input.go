// Package generic: a generic receiver is the subject.
package generic

import (
	"context"

	"github.com/hookweave/hookweave/hooks"
)

type Stream[T any] struct{ items []T }

func (s *Stream[T]) StreamingStart() hooks.StreamingStartPayload {
	return hooks.StreamingStartPayload{}
}
func (s *Stream[T]) StreamingEnd(err error) hooks.StreamingEndPayload {
	return hooks.StreamingEndPayload{}
}

//mellea:hook streaming
func (s *Stream[T]) Each(ctx context.Context, f func(T) error) error {
	for _, it := range s.items {
		if err := f(it); err != nil {
			return err
		}
	}
	return nil
}
