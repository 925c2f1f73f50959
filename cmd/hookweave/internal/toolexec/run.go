package toolexec

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/hookweave/hookweave/cmd/hookweave/internal/report"
)

// nestedEnv marks a hookweave that runs under the nested go list of another
// one: it weaves as usual but never starts a nested resolution itself.
const nestedEnv = "HOOKWEAVE_NESTED"

// Run runs the tool invocation args (args[0] is the tool's absolute path)
// and returns the exit code.
func Run(args []string, opts Options) int {
	t := &toolexec{opts: opts, tool: args[0], args: args[1:]}
	return t.run()
}

type toolexec struct {
	opts Options
	tool string
	args []string
}

func (t *toolexec) name() string {
	return strings.TrimSuffix(filepath.Base(t.tool), ".exe")
}

func (t *toolexec) run() int {
	name := t.name()
	if len(t.args) == 1 && t.args[0] == "-V=full" {
		return t.version(name == "compile" || name == "link")
	}
	switch name {
	case "compile":
		return t.compile()
	case "link":
		return t.link()
	}
	return passThrough(t.tool, t.args)
}

// version prints the real tool's version line, from the cache that
// spares a warm build one exec per tool, with hookweave's identity appended
// for the tools whose output weaving changes (compile and link).
func (t *toolexec) version(identity bool) int {
	out, code := toolVersion(t.tool)
	if code != 0 {
		return code
	}
	if !identity {
		fmt.Print(out)
		return 0
	}
	id, err := Identity(t.opts)
	if err != nil {
		return fail(err)
	}
	fmt.Printf("%s:%s\n", strings.TrimRight(out, "\n"), id)
	return 0
}

// fail prints err for the user and returns exit code 1.
func fail(err error) int {
	msg := report.Format(err)
	fmt.Fprintln(os.Stderr, msg)
	logf("error: %s", msg)
	return 1
}
