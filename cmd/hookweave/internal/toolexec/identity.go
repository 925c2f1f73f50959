package toolexec

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Identity returns the string hookweave appends to the compile and link
// version lines: hookweave@<version>;<hash>. The hash covers hookweave's own
// build, the hooks package and plugin set it injects, and, when the build
// takes hookweave's module from a directory rather than a fixed version, the
// source of the injected directories. It holds no absolute path, so two
// checkouts with the same content share cache entries.
func Identity(opts Options) (string, error) {
	version, self, err := selfVersion()
	if err != nil {
		return "", err
	}
	h := sha256.New()
	fmt.Fprintf(h, "self %s\nhooks %s\nplugins %s\n", self, opts.HooksPath, strings.Join(opts.Plugins, ","))
	cwd, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("identity: %w", err)
	}
	p := findProvenance(cwd, opts.Module)
	fmt.Fprintf(h, "module %s\n", p.version)
	if p.dir != "" {
		if err := hashSources(h, p.dir, opts.InjectedDirs); err != nil {
			return "", err
		}
	}
	return "hookweave@" + version + ";" + hex.EncodeToString(h.Sum(nil))[:20], nil
}

// hashSources writes the non-test Go files and the go.mod under the dirs of
// root to h, each named by its slash path relative to root.
func hashSources(h io.Writer, root string, dirs []string) error {
	files := []string{"go.mod"}
	for _, d := range dirs {
		err := filepath.WalkDir(filepath.Join(root, d), func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if e.IsDir() && p != root && skipDir(e.Name()) {
				return filepath.SkipDir
			}
			if !e.IsDir() && strings.HasSuffix(p, ".go") && !strings.HasSuffix(p, "_test.go") {
				rel, _ := filepath.Rel(root, p)
				files = append(files, rel)
			}
			return nil
		})
		if err != nil && !os.IsNotExist(err) {
			return fmt.Errorf("identity: %w", err)
		}
	}
	sort.Strings(files)
	for _, rel := range files {
		data, err := os.ReadFile(filepath.Join(root, rel))
		if err != nil && !os.IsNotExist(err) {
			return fmt.Errorf("identity: %w", err)
		}
		fmt.Fprintf(h, "file %s %d\n", filepath.ToSlash(rel), len(data))
		h.Write(data)
	}
	return nil
}

func skipDir(name string) bool {
	return name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")
}
