// Package subject: subject= and ctx= name parameters; the results are
// unnamed and returned with values.
package subject

import (
	stdctx "context"

	"github.com/hookweave/hookweave/hooks"
)

type gen struct{ model string }

func (g gen) GenerationStart() hooks.GenerationPayload        { return hooks.GenerationPayload{} }
func (g gen) GenerationEnd(err error) hooks.GenerationPayload { return hooks.GenerationPayload{} }

// Call generates.
//
//mellea:hook generation subject=g ctx=inner
func Call(outer stdctx.Context, inner stdctx.Context, g gen, prompt string) (string, error) {
	if prompt == "" {
		return "", nil
	}
	return g.model + ": " + prompt, inner.Err()
}
