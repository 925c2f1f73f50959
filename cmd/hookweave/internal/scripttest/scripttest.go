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

// WriteFixture copies the fixture module root/testdata/mod into dst, keeping
// the files dst already has (a script's own files override the fixture's),
// points its hookweave requirement at root with a replace, and gives it
// root's go.sum.
func WriteFixture(root, dst string) error {
	if err := CopyMissing(filepath.Join(root, "testdata", "mod"), dst); err != nil {
		return err
	}
	gomod, err := os.ReadFile(filepath.Join(dst, "go.mod"))
	if err != nil {
		return err
	}
	gomod = append(gomod, "\nreplace github.com/hookweave/hookweave => "+root+"\n"...)
	if err := os.WriteFile(filepath.Join(dst, "go.mod"), gomod, 0o644); err != nil {
		return err
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dst, "go.sum"), sum, 0o644)
}
