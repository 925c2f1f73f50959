// Package scripttest holds what hookweave's testscript suites share: the
// go command's environment and fixture copying. It imports only the
// standard library.
package scripttest

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// GoEnv returns the go command's value of key. On CI GOCACHE and
// GOMODCACHE are not in the environment, and scripts run with
// HOME=/no-home, where their defaults would not exist.
func GoEnv(key string) (string, error) {
	out, err := exec.Command("go", "env", key).Output()
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(out)), nil
}

// CopyMissing copies the files under from into to, keeping those that
// exist (a script's own files override the fixture's).
func CopyMissing(from, to string) error {
	return filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if _, err := os.Stat(dst); err == nil {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
}
