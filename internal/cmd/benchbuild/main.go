// Command benchbuild runs the build benchmarks of package benchmarks/build:
// whole-process go builds, plain and woven, interleaved in one run and
// printed as ratios. make bench runs it, from the module's root.
//
//	go run ./internal/cmd/benchbuild -hookweave bin/hookweave [-runs 3] [-warm 10] [-only woven|unrelated]
package main

import (
	"os"

	"github.com/hookweave/hookweave/benchmarks/build"
)

func main() { os.Exit(build.Main(os.Args[1:], os.Stdout, os.Stderr)) }
