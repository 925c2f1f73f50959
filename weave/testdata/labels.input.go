// Package labels: a label and a goto at the top of annotated bodies.
package labels

import (
	"context"
	"errors"

	"github.com/hookweave/hookweave/hooks"
)

type job struct{ n int }

func (*job) ComponentStart() hooks.ComponentPayload    { return hooks.ComponentPayload{} }
func (*job) ComponentEnd(error) hooks.ComponentPayload { return hooks.ComponentPayload{} }

//mellea:hook component
func (j *job) Loop(ctx context.Context) error {
again:
	for {
		j.n++
		if j.n < 3 {
			continue again
		}
		break again
	}
	return nil
}

//mellea:hook component
func (j *job) Jump(ctx context.Context) (err error) {
	goto check
retry:
	j.n++
check:
	if j.n < 3 {
		goto retry
	}
	return errors.New("done")
}
