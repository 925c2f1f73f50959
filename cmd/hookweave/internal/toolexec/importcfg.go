package toolexec

import (
	"fmt"
	"os"
	"strings"
)

// importcfg is a compile or link import configuration: its lines as cmd/go
// wrote them (importmap, modinfo and the rest are kept verbatim) and the
// archive of each packagefile.
type importcfg struct {
	lines    []string
	packages map[string]string // import path -> archive
}

func readImportcfg(path string) (*importcfg, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading importcfg: %w", err)
	}
	cfg := &importcfg{packages: map[string]string{}}
	for _, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		cfg.lines = append(cfg.lines, line)
		if rest, ok := strings.CutPrefix(line, "packagefile "); ok {
			if path, file, ok := strings.Cut(rest, "="); ok {
				cfg.packages[path] = file
			}
		}
	}
	return cfg, nil
}

// add adds a packagefile line unless path already has one, and reports
// whether it did.
func (c *importcfg) add(path, file string) bool {
	if _, ok := c.packages[path]; ok {
		return false
	}
	c.packages[path] = file
	c.lines = append(c.lines, "packagefile "+path+"="+file)
	return true
}

func (c *importcfg) write(path string) error {
	if err := os.WriteFile(path, []byte(strings.Join(c.lines, "\n")+"\n"), 0o644); err != nil {
		return fmt.Errorf("writing importcfg: %w", err)
	}
	return nil
}
