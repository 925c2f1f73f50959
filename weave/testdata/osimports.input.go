// Command osimports imports os with a dot and under another name: the
// woven main sets the exit hook of package os, whatever the call sites.
package main

import (
	. "os"
	sys "os"
)

func main() {
	if len(Args) > 1 {
		Exit(2)
	}
	sys.Exit(0)
}
