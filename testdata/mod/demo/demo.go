// Package demo is an annotated library for hookweave's scripts.
package demo

import (
	"context"
	"errors"

	"github.com/hookweave/hookweave/hooks"
)

// Job is the subject of an annotated component lifecycle.
type Job struct {
	Name  string
	Fail  bool
	Panic bool
}

// ComponentStart is the component_pre_execute payload.
func (j *Job) ComponentStart() hooks.ComponentPayload {
	return hooks.ComponentPayload{ComponentType: j.Name}
}

// ComponentEnd is the component_post_success or component_post_error payload.
func (j *Job) ComponentEnd(err error) hooks.ComponentPayload {
	return hooks.ComponentPayload{ComponentType: j.Name, Err: err}
}

// Run runs the job.
//
//mellea:hook component
func (j *Job) Run(ctx context.Context) (err error) {
	if j.Panic {
		panic("demo: job panicked") // demo.go:33
	}
	if j.Fail {
		return errors.New("demo: job failed")
	}
	return nil
}
