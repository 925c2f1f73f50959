package toolexec

import (
	"os"
	"path/filepath"
	"strings"
)

// directive is one line of a go.mod or go.work file: its verb (the block's
// verb inside a block) and its arguments, comments and quotes removed.
type directive struct {
	verb string
	args []string
}

// readDirectives reads the directives of a go.mod or go.work file. It knows
// only what hookweave needs: module, require, replace, use.
func readDirectives(path string) ([]directive, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []directive
	block := ""
	for _, line := range strings.Split(string(data), "\n") {
		if i := strings.Index(line, "//"); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(line)
		switch {
		case len(f) == 0:
		case block != "" && f[0] == ")":
			block = ""
		case block != "":
			out = append(out, directive{block, unquote(f)})
		case len(f) == 2 && f[1] == "(":
			block = f[0]
		default:
			out = append(out, directive{f[0], unquote(f[1:])})
		}
	}
	return out, nil
}

func unquote(f []string) []string {
	for i, s := range f {
		f[i] = strings.Trim(s, "\"`")
	}
	return f
}

// moduleName returns the module path that the go.mod in dir declares.
func moduleName(dir string) string {
	ds, err := readDirectives(filepath.Join(dir, "go.mod"))
	if err != nil {
		return ""
	}
	for _, d := range ds {
		if d.verb == "module" && len(d.args) > 0 {
			return d.args[0]
		}
	}
	return ""
}

// findUp returns the first dir/name from dir upwards, or "". dir is
// cleaned first: os.Getwd may return $PWD as given, such as "a/b/..".
func findUp(dir, name string) string {
	dir = filepath.Clean(dir)
	for {
		p := filepath.Join(dir, name)
		if _, err := os.Stat(p); err == nil {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// isLocalPath reports whether a replacement is a directory, not a module.
func isLocalPath(p string) bool {
	return filepath.IsAbs(p) || strings.HasPrefix(p, "./") || strings.HasPrefix(p, "../") || p == "." || p == ".."
}

// mainModules returns the paths of the main modules of a go command run in
// dir: the workspace's modules, or the one go.mod's.
func mainModules(dir string) []string {
	if work := workFile(dir); work != "" {
		ds, err := readDirectives(work)
		if err == nil {
			var mods []string
			for _, d := range ds {
				if d.verb == "use" && len(d.args) > 0 {
					if m := moduleName(filepath.Join(filepath.Dir(work), d.args[0])); m != "" {
						mods = append(mods, m)
					}
				}
			}
			return mods
		}
	}
	if gomod := findUp(dir, "go.mod"); gomod != "" {
		if m := moduleName(filepath.Dir(gomod)); m != "" {
			return []string{m}
		}
	}
	return nil
}
