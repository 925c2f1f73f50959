package toolexec

import (
	"os"
	"path/filepath"
)

// provenance says where the build takes hookweave's module from: a
// directory whose content may change under the same version (main module,
// workspace module, local replacement, vendor directory), or a fixed
// module version.
type provenance struct {
	dir     string // source directory, when the content can change
	version string // "path@version" otherwise; "" when the build does not use the module
}

// findProvenance resolves module as the go command run in dir would.
func findProvenance(dir, module string) provenance {
	gomod := findUp(dir, "go.mod")
	if work := workFile(dir); work != "" {
		if p, ok := fromWork(work, module); ok {
			return p
		}
	}
	if gomod == "" {
		return provenance{}
	}
	root := filepath.Dir(gomod)
	if moduleName(root) == module {
		return provenance{dir: root}
	}
	if v := filepath.Join(root, "vendor", filepath.FromSlash(module)); isDir(v) {
		return provenance{dir: v}
	}
	ds, err := readDirectives(gomod)
	if err != nil {
		return provenance{}
	}
	return fromDirectives(ds, root, module)
}

// workFile returns the go.work file that governs dir, or "".
func workFile(dir string) string {
	switch w := os.Getenv("GOWORK"); w {
	case "off":
		return ""
	case "":
		return findUp(dir, "go.work")
	default:
		return w
	}
}

func fromWork(work, module string) (provenance, bool) {
	ds, err := readDirectives(work)
	if err != nil {
		return provenance{}, false
	}
	root := filepath.Dir(work)
	for _, d := range ds {
		if d.verb == "use" && len(d.args) > 0 {
			use := filepath.Join(root, d.args[0])
			if moduleName(use) == module {
				return provenance{dir: use}, true
			}
		}
	}
	p := fromDirectives(ds, root, module)
	return p, p.dir != "" || p.version != ""
}

// fromDirectives applies the replace and require directives for module.
func fromDirectives(ds []directive, root, module string) provenance {
	var p provenance
	for _, d := range ds {
		if d.verb == "require" && len(d.args) >= 2 && d.args[0] == module && p.version == "" {
			p.version = module + "@" + d.args[1]
		}
	}
	for _, d := range ds {
		if d.verb != "replace" || len(d.args) < 3 || d.args[0] != module {
			continue
		}
		arrow := 1
		if d.args[1] != "=>" {
			arrow = 2
		}
		if arrow+1 >= len(d.args) {
			continue
		}
		to := d.args[arrow+1:]
		if isLocalPath(to[0]) {
			dir := to[0]
			if !filepath.IsAbs(dir) {
				dir = filepath.Join(root, dir)
			}
			return provenance{dir: dir}
		}
		if len(to) == 2 {
			p.version = to[0] + "@" + to[1]
		}
	}
	return p
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}
