// Package receiver: the receiver is the subject, the error result is named.
package receiver

import (
	"context"
	"errors"

	"github.com/hookweave/hookweave/hooks"
)

// Job is a component subject.
type Job struct{ Fail bool }

func (j *Job) ComponentStart() hooks.ComponentPayload        { return hooks.ComponentPayload{} }
func (j *Job) ComponentEnd(err error) hooks.ComponentPayload { return hooks.ComponentPayload{Err: err} }

// Run runs the job.
//
//mellea:hook component
func (j *Job) Run(ctx context.Context) (err error) {
	if j.Fail {
		return errors.New("failed")
	}
	return nil
}

// Plain is not annotated and stays as it is.
func (j *Job) Plain(ctx context.Context) error { return nil }
