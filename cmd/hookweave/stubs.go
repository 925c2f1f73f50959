package main

// Placeholders until the toolexec and lint modes land; each is replaced by
// the file that implements it.

import (
	"fmt"
	"os"
)

func vettool(args []string) int {
	fmt.Fprintln(os.Stderr, "hookweave: vet tool mode is not built yet")
	return 2
}
