package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/hookweave/hookweave/cmd/hookweave/internal/report"
)

// command is one hookweave subcommand. Each runs from a file of its own.
type command struct {
	name  string
	usage string // one line: arguments
	short string // one line: what it does
	run   func(args []string) int
}

// commands are the subcommands, in the order help lists them: what a user
// reaches for first (the woven source, the lint that CI runs), then the
// identity that only cache questions need.
var commands = []*command{
	{
		name:  "show",
		usage: "[-main] <packages>",
		short: "print the woven source of packages",
		run:   show,
	},
	{
		name:  "lint",
		usage: "[flags] [packages]",
		short: "check the architecture: no telemetry under stdlib, pure hooks, valid annotations",
		run:   runLint,
	},
	{
		name:  "version",
		short: "print hookweave's identity, as the build cache sees it",
		run:   version,
	},
}

// Main runs hookweave with args (os.Args[1:]) and returns the exit code.
// cmd/go runs it as a toolexec wrapper (args[0] is the path of a Go tool)
// and as a vet tool; otherwise args[0] names a subcommand.
func Main(args []string) int {
	if len(args) == 0 {
		usage(os.Stderr)
		return 2
	}
	if isToolInvocation(args) {
		return toolexec(args)
	}
	if isVetInvocation(args) {
		return vettool(args)
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		usage(os.Stdout)
		return 0
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.run(args[1:])
		}
	}
	report.Print(os.Stderr, fmt.Errorf("unknown command %q", args[0]))
	fmt.Fprintln(os.Stderr, "Run 'hookweave --help' for usage.")
	return 2
}

// isToolInvocation reports whether cmd/go runs hookweave as -toolexec:
// the first argument is the absolute path of a Go tool, or the C compiler
// that cmd/go asks for its identity (cc -### -x c -c -) when cgo is used.
func isToolInvocation(args []string) bool {
	return filepath.IsAbs(args[0]) && !strings.HasSuffix(args[0], ".cfg") || len(args) > 1 && args[1] == "-###"
}

// isVetInvocation reports whether cmd/go runs hookweave as -vettool.
func isVetInvocation(args []string) bool {
	a := args[len(args)-1]
	return args[0] == "-flags" || args[0] == "-V=full" || strings.HasSuffix(a, ".cfg")
}

func usage(w io.Writer) {
	fmt.Fprint(w, `hookweave weaves //mellea:hook annotations into hook lifecycles at build
time and links the telemetry plugins into the binary.

Usage:

	go build -toolexec=hookweave [build flags] [packages]
	go test -toolexec=hookweave [test flags] [packages]
	go vet -vettool=$(command -v hookweave) [packages]
	hookweave <command> [arguments]

Commands:

`)
	for _, c := range commands {
		fmt.Fprintf(w, "\t%-8s %s\n", c.name, c.short)
	}
	fmt.Fprint(w, "\nRun 'hookweave <command> -h' for a command's arguments.\n")
}
