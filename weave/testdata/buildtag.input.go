//go:build !hookweave_never

// Package buildtag has a build constraint, which stays the first
// directive of the file, and an annotated function.
package buildtag

import (
	"context"

	"github.com/hookweave/hookweave/hooks"
)

type job struct{}

func (job) ComponentStart() hooks.ComponentPayload    { return hooks.ComponentPayload{} }
func (job) ComponentEnd(error) hooks.ComponentPayload { return hooks.ComponentPayload{} }

//mellea:hook component
func (j job) Run(ctx context.Context) error { return nil }
