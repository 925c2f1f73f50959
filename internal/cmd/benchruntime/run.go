package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
)

// pkg is the benchmark package, relative to the module root.
const pkg = "./benchmarks/runtime"

// A pass is one run of a test binary: which benchmarks, for how long.
type pass struct {
	binary    string // "plain" or "woven"
	bench     string // -test.bench
	benchtime string // -test.benchtime; "" for the default
}

// passes are the passes of a round, in order. The woven-off row compares
// the per-chunk benchmark across the two binaries, so their per-chunk
// passes run last and next to each other, in fresh processes alike, and
// change places every other round (roundPasses): the machine's drift
// between them then falls on each side as often.
var passes = []pass{
	{"plain", "Scaling", ""},
	{"plain", "Concurrent", "1x"},
	{"plain", "Retry", ""},
	{"woven", "Telemetry", ""},
	{"plain", "PerChunk", ""},
	{"woven", "PerChunk", ""},
}

// roundPasses returns the passes of round (from 1).
func roundPasses(round int) []pass {
	ps := slices.Clone(passes)
	if round%2 == 0 {
		n := len(ps)
		ps[n-2], ps[n-1] = ps[n-1], ps[n-2]
	}
	return ps
}

// Main runs the benchmarks and prints the table; it returns the exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("benchruntime", flag.ContinueOnError)
	fs.SetOutput(stderr)
	hookweave := fs.String("hookweave", "bin/hookweave", "the hookweave binary that builds the woven pass")
	count := fs.Int("count", 5, "rounds: each runs every pass once; the table shows medians")
	raw := fs.String("raw", "", "also write the benchmarks' output to this file")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if err := run(*hookweave, *count, *raw, stdout, stderr); err != nil {
		fmt.Fprintf(stderr, "benchruntime: %v\n", err)
		return 1
	}
	return 0
}

func run(hookweave string, count int, raw string, stdout, stderr io.Writer) error {
	tool, err := filepath.Abs(hookweave)
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "benchruntime")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	bins := map[string]string{"plain": filepath.Join(dir, "plain.test"), "woven": filepath.Join(dir, "woven.test")}
	if err := goTest(stderr, "-c", "-o", bins["plain"], pkg); err != nil {
		return fmt.Errorf("building the plain test binary: %w", err)
	}
	if err := goTest(stderr, "-c", "-toolexec="+tool, "-o", bins["woven"], pkg); err != nil {
		return fmt.Errorf("building the woven test binary: %w", err)
	}
	res := results{}
	var all bytes.Buffer
	for round := 1; round <= count; round++ {
		fmt.Fprintf(stderr, "round %d of %d\n", round, count)
		for _, p := range roundPasses(round) {
			out, err := runPass(bins[p.binary], p)
			all.Write(out)
			if err != nil {
				return fmt.Errorf("%s pass %q: %w\n%s", p.binary, p.bench, err, out)
			}
			res.add(p.binary, out)
		}
	}
	if raw != "" {
		if err := os.WriteFile(raw, all.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return printTable(stdout, res, count)
}

func goTest(stderr io.Writer, args ...string) error {
	cmd := exec.Command("go", append([]string{"test"}, args...)...)
	cmd.Stdout, cmd.Stderr = stderr, stderr
	return cmd.Run()
}

func runPass(binary string, p pass) ([]byte, error) {
	args := []string{"-test.run", "^$", "-test.bench", p.bench, "-test.count", "1"}
	if p.benchtime != "" {
		args = append(args, "-test.benchtime", p.benchtime)
	}
	cmd := exec.Command(binary, args...)
	cmd.Dir = pkg
	return cmd.CombinedOutput()
}
