//go:build unix

package toolexec

import (
	"fmt"
	"os"
	"syscall"
)

// withLock runs fn holding an exclusive lock on the file at path, so that
// concurrent compiles of one build run one nested resolution.
func withLock(path string, fn func() error) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		return fmt.Errorf("locking %s: %w", path, err)
	}
	defer syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	return fn()
}
