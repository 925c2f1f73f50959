package main

import (
	"os"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/hookweave/hookweave/lint"
)

// vettool runs hookweave as go vet's -vettool. cmd/go asks it for its
// identity (-V=full) and its flags (-flags), then runs it once per package
// on a unit.cfg, bottom-up, passing the facts of dependencies along.
// unitchecker reads the command line from os.Args and exits itself, so
// args become the command line and vettool does not return.
func vettool(args []string) int {
	os.Args = append([]string{os.Args[0]}, args...)
	unitchecker.Main(lint.Analyzers...)
	return 1 // not reached: unitchecker.Main exits
}
