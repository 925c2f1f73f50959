package main

import (
	"fmt"
	"io"

	toolexecmode "github.com/hookweave/hookweave/cmd/hookweave/internal/toolexec"

	"github.com/hookweave/hookweave/cmd/hookweave/internal/report"
)

var versionCommand = &command{
	name:    "version",
	short:   "print hookweave's identity, as the build cache sees it",
	maxArgs: 0,
	long: `Print the identity hookweave appends to the compile and link version lines:
hookweave@<version>;<hash of its build, the plugin set and injected sources>.
`,
	setup: noFlags(version),
}

// version prints the identity that hookweave appends to the compiler's
// and linker's version lines. Run in a module, it includes the source of
// hooks and the plugin set when the module takes them from a directory.
func version(_ []string, stdout, stderr io.Writer) int {
	id, err := toolexecmode.Identity(options)
	if err != nil {
		report.Print(stderr, err)
		return 1
	}
	fmt.Fprintln(stdout, id)
	return 0
}
