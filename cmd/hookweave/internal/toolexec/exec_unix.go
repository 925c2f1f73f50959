//go:build unix

package toolexec

import (
	"os"
	"os/exec"
	"syscall"
)

// passThrough replaces this process with the real tool, so a tool call that
// hookweave leaves alone costs one exec more than without it.
func passThrough(tool string, args []string) int {
	if path, err := exec.LookPath(tool); err == nil {
		syscall.Exec(path, append([]string{tool}, args...), os.Environ())
	}
	// Exec returns only on failure; run the tool as a child instead.
	return runTool(tool, args)
}
