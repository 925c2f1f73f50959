// Command app runs an annotated job and prints the hooks that fire.
package main

import (
	"context"
	"fmt"
	"os"

	"example.com/app/demo"
	"github.com/hookweave/hookweave/hooks"
)

func main() {
	fmt.Println("woven:", hooks.Woven())
	printHook := func(ctx context.Context, p hooks.Payload) hooks.Result {
		fmt.Println("hook:", p.(interface{ HookName() hooks.Hook }).HookName())
		return hooks.Result{}
	}
	_, err := hooks.Register("script", map[hooks.Hook]hooks.Handler{
		hooks.ComponentPreExecute:  printHook,
		hooks.ComponentPostSuccess: printHook,
		hooks.ComponentPostError:   printHook,
	}, hooks.WithMode(hooks.Audit))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	arg := ""
	if len(os.Args) > 1 {
		arg = os.Args[1]
	}
	j := &demo.Job{Name: "job", Fail: arg == "fail", Panic: arg == "panic"}
	fmt.Println("run:", j.Run(context.Background()))
}
