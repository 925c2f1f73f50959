package toolexec

import (
	"bytes"
	"errors"
	"os"
	"os/exec"

	"github.com/hookweave/hookweave/cmd/hookweave/internal/report"
)

// runTool runs the real tool with the process's standard streams and
// returns its exit code.
func runTool(tool string, args []string) int {
	cmd := exec.Command(tool, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	return exitCode(cmd.Run())
}

// toolOutput runs the real tool and returns its standard output; its
// standard error goes to ours.
func toolOutput(tool string, args []string) (string, int) {
	var out bytes.Buffer
	cmd := exec.Command(tool, args...)
	cmd.Stdout, cmd.Stderr = &out, os.Stderr
	code := exitCode(cmd.Run())
	return out.String(), code
}

func exitCode(err error) int {
	if err == nil {
		return 0
	}
	var ee *exec.ExitError
	if errors.As(err, &ee) && ee.ExitCode() > 0 {
		return ee.ExitCode()
	}
	report.Print(os.Stderr, err)
	return 1
}
