// Package spangeneric: spans on generic functions and on methods of
// generic types; the guard passes a function's type parameters on, a
// method's come with its receiver.
package spangeneric

import "context"

type List[T any] struct{ items []T }

//mellea:hook span
func (l *List[T]) Push(ctx context.Context, x T) error {
	l.items = append(l.items, x)
	return ctx.Err()
}

//mellea:hook span
func (l List[T]) Len(ctx context.Context) int { return len(l.items) }

type Pair[K comparable, V any] struct{ m map[K]V }

//mellea:hook span
func (p *Pair[K, V]) Get(ctx context.Context, k K) (v V, ok bool) {
	v, ok = p.m[k]
	return
}

//mellea:hook span
func Map[T, U any](ctx context.Context, xs []T, f func(T) (U, error)) ([]U, error) {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		u, err := f(x)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, nil
}
