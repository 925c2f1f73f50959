// Package spanparams: the guard passes the receiver, type parameters and
// parameters on to the traced copy, so those that are unnamed or blank
// are named, in the function and in its copy; a variadic parameter is
// passed on with ....
package spanparams

import "context"

type conn struct{ sent int }

//mellea:hook span
func (_ *conn) send(ctx context.Context, _ string, _, n int, opts ...string) (int, error) {
	return n + len(opts), ctx.Err()
}

//mellea:hook span
func (conn) close(ctx context.Context, _ bool) {}

//mellea:hook span
func Pick[_ any, T comparable](ctx context.Context, xs ...T) T { return xs[0] }

type Set[K comparable, _ any] map[K]bool

//mellea:hook span
func (s Set[K, _]) Add(ctx context.Context, k K, _ ...int) { s[k] = true }
