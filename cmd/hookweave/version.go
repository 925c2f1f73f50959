package main

import (
	"fmt"
	"os"

	toolexecmode "github.com/hookweave/hookweave/cmd/hookweave/internal/toolexec"

	"github.com/hookweave/hookweave/cmd/hookweave/internal/report"
)

// version prints the identity that hookweave appends to the compiler's
// and linker's version lines. Run in a module, it includes the source of
// hooks and the plugin set when the module takes them from a directory.
func version(args []string) int {
	if len(args) > 0 {
		w, code := os.Stderr, 2
		if args[0] == "-h" || args[0] == "-help" || args[0] == "--help" {
			w, code = os.Stdout, 0
		}
		fmt.Fprintln(w, "usage: hookweave version\n\nPrint the identity hookweave appends to the compile and link version lines:\nhookweave@<version>;<hash of its build, the plugin set and injected sources>.")
		return code
	}
	id, err := toolexecmode.Identity(options)
	if err != nil {
		report.Print(os.Stderr, err)
		return 1
	}
	fmt.Println(id)
	return 0
}
