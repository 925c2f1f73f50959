// Package lined has a //line directive: the diagnostic is where the
// annotation is in this file, and the driver maps it like any position.
package lined

import "context"

type S struct{}

//line original.go:100
func (s *S) Before() {}

// want +2 `^unknown lifecycle "sesion"`
//
//mellea:hook sesion
func (s *S) After(ctx context.Context) error { return nil }
