package toolexec

import (
	"path/filepath"
	"strings"
)

// compileArgs are the parts of a compile command line that hookweave reads
// or replaces.
type compileArgs struct {
	args      []string
	output    int // index of the -o value
	pkg       int // index of the -p value
	importcfg int // index of the -importcfg value
	files     []int
}

func parseCompileArgs(args []string) *compileArgs {
	c := &compileArgs{args: args, output: -1, pkg: -1, importcfg: -1}
	for i, a := range args {
		switch {
		case i > 0 && args[i-1] == "-o":
			c.output = i
		case i > 0 && args[i-1] == "-p":
			c.pkg = i
		case i > 0 && args[i-1] == "-importcfg":
			c.importcfg = i
		case strings.HasSuffix(a, ".go") && !strings.HasPrefix(a, "-") && (i == 0 || !isValueFlag(args[i-1])):
			c.files = append(c.files, i)
		}
	}
	return c
}

// isValueFlag reports whether a compile flag takes the next argument as
// its value (the ones a .go name could follow).
func isValueFlag(a string) bool {
	switch a {
	case "-o", "-p", "-importcfg", "-trimpath", "-buildid", "-embedcfg", "-asmhdr", "-symabis", "-coveragecfg", "-D", "-I", "-lang", "-goversion", "-pgoprofile", "-linkobj":
		return true
	}
	return false
}

func (c *compileArgs) get(i int) string {
	if i < 0 {
		return ""
	}
	return c.args[i]
}

// work returns the build's $WORK directory: -o is $WORK/bNNN/_pkg_.a.
func (c *compileArgs) work() string {
	return filepath.Dir(filepath.Dir(c.get(c.output)))
}
