//go:build !unix

package toolexec

// passThrough runs the real tool as a child process.
func passThrough(tool string, args []string) int { return runTool(tool, args) }
