// Package spanrecover: a body's own defer and recover run first, as before
// weaving, and a recursive function opens a span per call, its calls of
// itself going through the guard. A body that calls recover itself, to
// stop the panic of the function that defers it, keeps its body in place,
// under the prologue behind the guard.
package spanrecover

import (
	"context"
	"fmt"
)

//mellea:hook span
func safe(ctx context.Context, f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	f()
	return nil
}

//mellea:hook span
func fact(ctx context.Context, n int) int {
	if n <= 1 {
		return 1
	}
	return n * fact(ctx, n-1)
}

//mellea:hook span
func catch(ctx context.Context, errp *error) {
	if r := recover(); r != nil {
		*errp = fmt.Errorf("caught: %v", r)
	}
}
