// Package labels: a label and a goto at the top of annotated bodies, and
// in the traced copy of a span's body, where they are the copy's own.
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

//mellea:hook span
func (j *job) count(ctx context.Context, rows [][]int) int {
next:
	for _, row := range rows {
		for _, x := range row {
			if x < 0 {
				continue next
			}
			j.n += x
		}
	}
	return j.n
}

//mellea:hook span
func jump(ctx context.Context, n int) (err error) {
	goto check
retry:
	n++
check:
	if n < 3 {
		goto retry
	}
	return errors.New("done")
}
