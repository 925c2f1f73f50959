// Package unnamed: a single unnamed error result without parentheses, and
// blank result names.
package unnamed

import (
	"context"

	"github.com/hookweave/hookweave/hooks"
)

type session struct{}

func (s *session) SessionStart() hooks.SessionPayload        { return hooks.SessionPayload{} }
func (s *session) SessionEnd(err error) hooks.SessionPayload { return hooks.SessionPayload{} }

//mellea:hook session
func (s *session) Open(ctx context.Context) error { return ctx.Err() }

//mellea:hook session
func (s *session) Count(ctx context.Context) (_ int, _ error) {
	return 3, nil
}
