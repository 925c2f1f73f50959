// Package build measures what hookweave costs a build, as ratios of
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
//	go run ./internal/cmd/benchbuild -hookweave bin/hookweave [-runs 3] [-warm 10]
//
// It imports only the standard library.
package build

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Main runs the benchmarks that args select (as the command line of
// internal/cmd/benchbuild), from the module's root, printing the table to
// stdout. It returns the exit code: 2 for bad flags, 1 when a benchmark
// could not be set up.
func Main(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("benchbuild", flag.ContinueOnError)
	fs.SetOutput(stderr)
	hookweave := fs.String("hookweave", "bin/hookweave", "the hookweave binary to benchmark")
	runs := fs.Int("runs", 3, "cold builds per variant")
	warm := fs.Int("warm", 10, "warm no-op builds per variant")
	only := fs.String("only", "", "run only this comparison (woven, unrelated)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if err := run(*hookweave, *runs, *warm, *only, stdout); err != nil {
		fmt.Fprintln(stderr, "benchbuild:", err)
		return 1
	}
	return 0
}

func run(hookweave string, runs, warm int, only string, out io.Writer) error {
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
	b := &bench{hookweave: hw, root: root, tmp: tmp, runs: runs, warm: warm, out: out}
	fmt.Fprintf(out, "hookweave build benchmarks: %d cold runs, %d warm no-op runs per variant, median ratios\n\n", runs, warm)
	fmt.Fprintf(out, "%-34s %10s %10s %8s %8s\n", "comparison", "base", "hookweave", "ratio", "target")
	for _, c := range comparisons(b) {
		if only != "" && c.name != only {
			continue
		}
		if err := c.run(); err != nil {
			fmt.Fprintf(out, "%-34s unavailable: %v\n", c.name, err)
		}
	}
	return nil
}
