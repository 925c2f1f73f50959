package telemetry

import (
	"context"

	"github.com/hookweave/hookweave/hooks"
)

// on adapts a handler of one payload type to a hooks.Handler, so that each
// handler starts with its payload instead of a type switch. A payload of
// another type (a mis-registered hook) is ignored.
func on[P hooks.Payload](fn func(ctx context.Context, p P) hooks.Result) hooks.Handler {
	return func(ctx context.Context, p hooks.Payload) hooks.Result {
		q, ok := p.(P)
		if !ok {
			return hooks.Result{}
		}
		return fn(ctx, q)
	}
}

// observe is on for handlers that only observe: fn returns nothing. It
// calls fn itself rather than through on, one call less per event.
func observe[P hooks.Payload](fn func(ctx context.Context, p P)) hooks.Handler {
	return func(ctx context.Context, p hooks.Payload) hooks.Result {
		if q, ok := p.(P); ok {
			fn(ctx, q)
		}
		return hooks.Result{}
	}
}
