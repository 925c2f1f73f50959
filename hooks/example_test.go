package hooks_test

import (
	"context"
	"fmt"

	"github.com/hookweave/hookweave/hooks"
)

// Plugins scoped to a context see only the operations run under it, until
// done is called.
func ExampleWithPlugins() {
	audit, err := hooks.NewPlugin("audit", map[hooks.Hook]hooks.Handler{
		hooks.SessionReset: func(_ context.Context, p hooks.Payload) hooks.Result {
			fmt.Println("audit saw", p.(*hooks.SessionPayload).SessionID)
			return hooks.Result{}
		},
	}, hooks.WithMode(hooks.Audit))
	if err != nil {
		panic(err)
	}
	ctx, done := hooks.WithPlugins(context.Background(), audit)
	hooks.Fire(hooks.WithSession(ctx, "inside", nil), hooks.SessionReset, &hooks.SessionPayload{})
	hooks.Fire(hooks.WithSession(context.Background(), "outside", nil), hooks.SessionReset, &hooks.SessionPayload{})
	done()
	hooks.Fire(hooks.WithSession(ctx, "after done", nil), hooks.SessionReset, &hooks.SessionPayload{})
	// Output:
	// audit saw inside
}

// A set's priority overrides its members'; groups still run in mode order
// (sequential, transform, audit, concurrent, fire-and-forget).
func ExampleNewSet() {
	say := func(name string, opts ...hooks.Option) *hooks.Plugin {
		p, err := hooks.NewPlugin(name, map[hooks.Hook]hooks.Handler{
			hooks.SessionReset: func(context.Context, hooks.Payload) hooks.Result {
				fmt.Println(name)
				return hooks.Result{}
			},
		}, opts...)
		if err != nil {
			panic(err)
		}
		return p
	}
	guards := hooks.NewSet("guards", say("budget", hooks.WithPriority(90)), say("policy", hooks.WithPriority(80))).WithPriority(10)
	ctx, done := hooks.WithPlugins(context.Background(), say("logger", hooks.WithMode(hooks.Audit), hooks.WithPriority(1)), say("redactor", hooks.WithMode(hooks.Transform)), guards)
	defer done()
	hooks.Fire(ctx, hooks.SessionReset, &hooks.SessionPayload{})
	// Output:
	// budget
	// policy
	// redactor
	// logger
}
