// Package genericfunc: a generic function whose subject is a parameter of
// a type parameter's type.
package genericfunc

import (
	"context"

	"github.com/hookweave/hookweave/hooks"
)

type job struct{}

func (job) ComponentStart() hooks.ComponentPayload    { return hooks.ComponentPayload{} }
func (job) ComponentEnd(error) hooks.ComponentPayload { return hooks.ComponentPayload{} }

// Run runs s.
//
//mellea:hook component subject=s
func Run[S hooks.ComponentSubject, T any](ctx context.Context, s S, items []T) (n int, err error) {
	return len(items), nil
}

var _ = Run[job, string]
