// Package annotated has an annotation that names no lifecycle.
package annotated

import "context"

type session struct{}

// want +3 `^unknown lifecycle "sesion": use one of`
// run runs a session.
//
//mellea:hook sesion
func (s *session) run(ctx context.Context) error { return nil }
