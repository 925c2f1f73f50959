package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/hookweave/hookweave/lint"

	"github.com/hookweave/hookweave/cmd/hookweave/internal/report"
)

// runLint checks packages (./... by default) with the lint analyzers and
// prints each finding as file:line:col: message. It exits 1 on findings
// or when packages do not load, 2 on bad usage.
func runLint(args []string) int {
	fs := lintFlags()
	tests := fs.Bool("test", true, "check the packages' tests too")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			lintUsage(os.Stdout, fs)
			return 0
		}
		fmt.Fprintln(os.Stderr, "Run 'hookweave lint -h' for usage.")
		return 2
	}
	patterns := fs.Args()
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	findings, err := lint.Check("", patterns, *tests)
	if err != nil {
		report.Print(os.Stderr, fmt.Errorf("lint: %w", err))
		return 1
	}
	wd, _ := os.Getwd()
	for _, f := range findings {
		f.Posn.Filename = relative(wd, f.Posn.Filename)
		fmt.Println(f)
	}
	if len(findings) > 0 {
		return 1
	}
	return 0
}

// lintFlags returns the flag set of lint, with each analyzer's flags as
// -<analyzer>.<flag>, the names go vet gives them.
func lintFlags() *flag.FlagSet {
	fs := flag.NewFlagSet("lint", flag.ContinueOnError)
	for _, a := range lint.Analyzers {
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}
	fs.Usage = func() {} // runLint prints the usage on -h, and only a hint on bad flags
	return fs
}

func lintUsage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprint(w, `usage: hookweave lint [flags] [packages]

Lint checks the packages (./... by default) and their tests against
hookweave's architecture, and prints each finding as file:line:col: message.
It exits 1 if there are any. go vet -vettool=$(command -v hookweave) runs
the same analyzers, with the same flags.

Analyzers:

`)
	for _, a := range lint.Analyzers {
		summary, _, _ := strings.Cut(a.Doc, "\n")
		fmt.Fprintf(w, "\t%-12s %s\n", a.Name, summary)
	}
	fmt.Fprint(w, "\nFlags:\n\n")
	out := fs.Output()
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(out)
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
