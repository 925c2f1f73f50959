package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/hookweave/hookweave/lint"

	"github.com/hookweave/hookweave/cmd/hookweave/internal/report"
)

var lintCommand = &command{
	name:    "lint",
	args:    "[flags] [packages]",
	short:   "check the architecture: no telemetry under stdlib, pure hooks, valid annotations",
	maxArgs: -1,
	long:    lintDoc(),
	setup: func(fs *flag.FlagSet) func([]string, io.Writer, io.Writer) int {
		for _, a := range lint.Analyzers {
			a.Flags.VisitAll(func(f *flag.Flag) {
				fs.Var(f.Value, a.Name+"."+f.Name, f.Usage) // the names go vet gives them
			})
		}
		tests := fs.Bool("test", true, "check the packages' tests too")
		return func(args []string, stdout, stderr io.Writer) int { return runLint(args, *tests, stdout, stderr) }
	},
}

// runLint checks packages (./... by default) with the lint analyzers and
// prints each finding as file:line:col: message. It exits 1 on findings
// or when packages do not load.
func runLint(patterns []string, tests bool, stdout, stderr io.Writer) int {
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	findings, err := lint.Check("", patterns, tests)
	if err != nil {
		report.Print(stderr, fmt.Errorf("lint: %w", err))
		return 1
	}
	wd, _ := os.Getwd()
	for _, f := range findings {
		f.Posn.Filename = relative(wd, f.Posn.Filename)
		fmt.Fprintln(stdout, f)
	}
	if len(findings) > 0 {
		return 1
	}
	return 0
}

// lintDoc is what lint -h says it does, with the list of analyzers.
func lintDoc() string {
	var b strings.Builder
	b.WriteString(`Lint checks the packages (./... by default) and their tests against
hookweave's architecture, and prints each finding as file:line:col: message.
It exits 1 if there are any. go vet -vettool=$(command -v hookweave) runs
the same analyzers, with the same flags.

Analyzers:

`)
	for _, a := range lint.Analyzers {
		summary, _, _ := strings.Cut(a.Doc, "\n")
		fmt.Fprintf(&b, "\t%-12s %s\n", a.Name, summary)
	}
	return b.String()
}

// relative returns file relative to dir when it is inside it.
func relative(dir, file string) string {
	if dir == "" {
		return file
	}
	if rel, err := filepath.Rel(dir, file); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return file
}
