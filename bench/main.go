// Command bench measures what hookweave costs a build, as ratios of
// whole-process go builds interleaved in one run:
//
//   - woven: the fixture program (testdata/mod) built with
//     -toolexec=hookweave, against a plain build of the same program that
//     links the same plugin set through an ordinary import;
//   - the OpenTelemetry plugin set's own cold compile, for scale;
//   - unrelated: a ~200-package program that does not use hookweave, built
//     with and without -toolexec=hookweave (the pass-through tax).
//
// Each comparison runs cold (a fresh GOCACHE per build) and warm no-op (the
// same build again). Run it with make bench, or:
//
//	go run ./bench -hookweave bin/hookweave [-runs 3] [-warm 10]
//
// It imports only the standard library.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	hookweave := flag.String("hookweave", "bin/hookweave", "the hookweave binary to benchmark")
	runs := flag.Int("runs", 3, "cold builds per variant")
	warm := flag.Int("warm", 10, "warm no-op builds per variant")
	only := flag.String("only", "", "run only this comparison (woven, unrelated)")
	flag.Parse()
	if err := run(*hookweave, *runs, *warm, *only); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(hookweave string, runs, warm int, only string) error {
	hw, err := filepath.Abs(hookweave)
	if err != nil {
		return err
	}
	root, err := os.Getwd()
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "hookweave-bench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	b := &bench{hookweave: hw, root: root, tmp: tmp, runs: runs, warm: warm}
	fmt.Printf("hookweave build benchmarks: %d cold runs, %d warm no-op runs per variant, median ratios\n\n", runs, warm)
	fmt.Printf("%-34s %10s %10s %8s %8s\n", "comparison", "base", "hookweave", "ratio", "target")
	for _, c := range comparisons(b) {
		if only != "" && c.name != only {
			continue
		}
		if err := c.run(); err != nil {
			fmt.Printf("%-34s unavailable: %v\n", c.name, err)
		}
	}
	return nil
}
