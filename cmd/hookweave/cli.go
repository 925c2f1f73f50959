package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/hookweave/hookweave/cmd/hookweave/internal/report"
)

// command is one hookweave subcommand, declared in a file of its own. Main
// parses its flags, prints its usage (-h: in full, on stdout; bad flags or
// arguments: the synopsis and a hint, on stderr, exit 2), and runs it.
type command struct {
	name  string
	args  string // the arguments, as the synopsis shows them
	short string // one line: what it does, for hookweave --help
	long  string // what it does in full, for hookweave <name> -h
	// minArgs and maxArgs bound the arguments after the flags; maxArgs < 0
	// is no bound.
	minArgs, maxArgs int
	// setup declares the command's flags on fs and returns its body, which
	// gets the arguments after them.
	setup func(fs *flag.FlagSet) func(args []string, stdout, stderr io.Writer) int
}

// commands are the subcommands, in the order help lists them: what a user
// reaches for first (the woven source, the lint that CI runs), then the
// identity that only cache questions need.
var commands = []*command{showCommand, lintCommand, versionCommand}

// Main runs hookweave with args (os.Args[1:]) and returns the exit code.
// cmd/go runs it as a toolexec wrapper (args[0] is the path of a Go tool)
// and as a vet tool, which speak cmd/go's protocols on the process's own
// standard streams; otherwise args[0] names a subcommand, which writes to
// stdout and stderr.
func Main(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
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
		usage(stdout)
		return 0
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.main(args[1:], stdout, stderr)
		}
	}
	report.Print(stderr, fmt.Errorf("unknown command %q", args[0]))
	fmt.Fprintln(stderr, "Run 'hookweave --help' for usage.")
	return 2
}

// main parses args with c's flags and runs c.
func (c *command) main(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(stderr) // the flag package's own errors
	fs.Usage = func() {} // c.usage, below
	run := c.setup(fs)
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		c.usage(stdout, fs)
		return 0
	case err != nil:
	case fs.NArg() < c.minArgs:
		report.Print(stderr, fmt.Errorf("%s: missing arguments", c.name))
		err = errUsage
	case c.maxArgs >= 0 && fs.NArg() > c.maxArgs:
		report.Print(stderr, fmt.Errorf("%s: unexpected argument %q", c.name, fs.Arg(c.maxArgs)))
		err = errUsage
	}
	if err != nil {
		fmt.Fprintf(stderr, "usage: hookweave %s\nRun 'hookweave %s -h' for usage.\n", c.synopsis(), c.name)
		return 2
	}
	return run(fs.Args(), stdout, stderr)
}

var errUsage = errors.New("bad usage")

// synopsis is c's command line: its name and arguments.
func (c *command) synopsis() string { return strings.TrimSpace(c.name + " " + c.args) }

// usage prints c's usage in full: its synopsis, what it does and its
// flags.
func (c *command) usage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprintf(w, "usage: hookweave %s\n\n%s", c.synopsis(), c.long)
	hasFlags := false
	fs.VisitAll(func(*flag.Flag) { hasFlags = true })
	if !hasFlags {
		return
	}
	fmt.Fprint(w, "\nFlags:\n\n")
	fs.SetOutput(w)
	fs.PrintDefaults()
}

// noFlags is the setup of a command without flags.
func noFlags(run func(args []string, stdout, stderr io.Writer) int) func(*flag.FlagSet) func([]string, io.Writer, io.Writer) int {
	return func(*flag.FlagSet) func([]string, io.Writer, io.Writer) int { return run }
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
