package toolexec

import (
	"fmt"
	"os"
	"time"
)

// logEnv names the file that hookweave appends a log of its decisions to.
// Nothing else is ever printed on success: cmd/go replays a compile's
// output on every cache hit.
const logEnv = "HOOKWEAVE_LOG"

func logf(format string, args ...any) {
	path := os.Getenv(logEnv)
	if path == "" {
		return
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return
	}
	defer f.Close()
	fmt.Fprintf(f, "%s [%d] %s\n", time.Now().Format("15:04:05.000"), os.Getpid(), fmt.Sprintf(format, args...))
}
