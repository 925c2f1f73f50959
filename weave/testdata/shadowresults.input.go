// Package shadowresults: the named results are shadowed inside the
// annotated function; return statements with values still set them, so
// the end hook sees the error that is returned.
package shadowresults

import (
	"context"
	"errors"

	"github.com/hookweave/hookweave/hooks"
)

type job struct{}

func (job) ComponentStart() hooks.ComponentPayload    { return hooks.ComponentPayload{} }
func (job) ComponentEnd(error) hooks.ComponentPayload { return hooks.ComponentPayload{} }

func step() (int, error) { return 0, errors.New("step failed") }

//mellea:hook component
func (j job) Run(ctx context.Context) (n int, err error) {
	if n, err := step(); err != nil {
		return n, err
	}
	{
		ctx := context.WithoutCancel(ctx)
		err := ctx.Err()
		_ = err
	}
	return n, err
}
