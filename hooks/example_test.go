package hooks

import (
	"context"
	"fmt"
)

// Plugins scoped to a context see only the operations run under it, until
// done is called.
func ExampleWithPlugins() {
	audit, err := NewPlugin("audit", map[Hook]Handler{
		SessionReset: func(_ context.Context, p Payload) Result {
			fmt.Println("audit saw", p.(*SessionPayload).SessionID)
			return Result{}
		},
	}, WithMode(Audit))
	if err != nil {
		panic(err)
	}
	ctx, done := WithPlugins(context.Background(), audit)
	Fire(WithSession(ctx, "inside", nil), SessionReset, &SessionPayload{})
	Fire(WithSession(context.Background(), "outside", nil), SessionReset, &SessionPayload{})
	done()
	Fire(WithSession(ctx, "after done", nil), SessionReset, &SessionPayload{})
	// Output:
	// audit saw inside
}

// A set's priority overrides its members'; groups still run in mode order
// (sequential, transform, audit, concurrent, fire-and-forget).
func ExampleNewSet() {
	say := func(name string, opts ...Option) *Plugin {
		p, err := NewPlugin(name, map[Hook]Handler{
			SessionReset: func(context.Context, Payload) Result {
				fmt.Println(name)
				return Result{}
			},
		}, opts...)
		if err != nil {
			panic(err)
		}
		return p
	}
	guards := NewSet("guards", say("budget", WithPriority(90)), say("policy", WithPriority(80))).WithPriority(10)
	ctx, done := WithPlugins(context.Background(), say("logger", WithMode(Audit), WithPriority(1)), say("redactor", WithMode(Transform)), guards)
	defer done()
	Fire(ctx, SessionReset, &SessionPayload{})
	// Output:
	// budget
	// policy
	// redactor
	// logger
}
