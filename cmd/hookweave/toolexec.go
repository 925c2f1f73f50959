package main

import toolexecmode "github.com/hookweave/hookweave/cmd/hookweave/internal/toolexec"

// toolexec runs hookweave as cmd/go's -toolexec: args[0] is the absolute
// path of a Go tool.
func toolexec(args []string) int {
	opts := options
	opts.Weave = weavePackage
	return toolexecmode.Run(args, opts)
}
