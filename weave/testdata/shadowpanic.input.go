// Package shadowpanic declares its own panic: the woven code never calls
// panic (hooks re-panics), so it weaves as usual.
package shadowpanic

import (
	"context"

	"github.com/hookweave/hookweave/hooks"
)

var panicked []any

func panic(v any) { panicked = append(panicked, v) }

type job struct{}

func (job) ComponentStart() hooks.ComponentPayload    { return hooks.ComponentPayload{} }
func (job) ComponentEnd(error) hooks.ComponentPayload { return hooks.ComponentPayload{} }

//mellea:hook component
func (j job) Run(ctx context.Context) error {
	panic("not the builtin")
	return nil
}
