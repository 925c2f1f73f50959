package toolexec

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/hookweave/hookweave/cmd/hookweave/internal/golist"
)

// listed is one package of a nested go list -deps -export.
type listed struct {
	ImportPath string
	Export     string
	Deps       []string
	Error      *struct{ Err string }
}

// resolution maps import paths to what go list said about them.
type resolution map[string]*listed

// resolver runs nested resolutions for one tool invocation.
type resolver struct {
	tool  string   // the real tool's path: its GOROOT has the go binary
	flags []string // the parent's build flags
	work  string   // the build's $WORK directory, where results are cached
}

// resolve returns the archives of pkgs and of everything they depend on,
// built exactly as the parent build builds them: the same go binary and
// flags, and hookweave itself as -toolexec in nested mode, so that the
// cache keys (and so the archives) are the parent's own. The result is
// cached in $WORK for the rest of the build.
func (r *resolver) resolve(pkgs []string) (resolution, error) {
	if os.Getenv(nestedEnv) != "" {
		return nil, fmt.Errorf("cannot add imports %s inside a nested resolution", strings.Join(pkgs, ", "))
	}
	pkgs = slices.Compact(slices.Sorted(slices.Values(pkgs)))
	self, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("locating the hookweave executable: %w", err)
	}
	// cmd/go splits -toolexec into fields: a path with a space is quoted.
	toolexec, err := golist.Join([]string{self})
	if err != nil {
		return nil, fmt.Errorf("passing hookweave's path to the nested go list: %w", err)
	}
	flags := append([]string{"-deps", "-export"}, r.flags...)
	flags = append(flags, "-toolexec="+toolexec)
	c := golist.Cmd{Go: r.goBinary(), Env: []string{nestedEnv + "=1"}, Flags: flags}
	cache := filepath.Join(r.work, "hookweave-resolve-"+cacheKey(c.Go, append(slices.Clone(flags), pkgs...)))
	var res resolution
	err = withLock(cache+".lock", func() error {
		if data, err := os.ReadFile(cache + ".json"); err == nil {
			return json.Unmarshal(data, &res)
		}
		logf("nested: go list %s -- %s", strings.Join(flags, " "), strings.Join(pkgs, " "))
		list, err := golist.Packages[listed](c, "ImportPath,Export,Deps,Error", pkgs)
		if err != nil {
			return fmt.Errorf("resolving injected packages: %w", err)
		}
		if res, err = toResolution(list); err != nil {
			return err
		}
		data, _ := json.Marshal(res)
		return os.WriteFile(cache+".json", data, 0o644)
	})
	return res, err
}

func (r *resolver) goBinary() string {
	// $GOROOT/pkg/tool/$GOOS_$GOARCH/<tool>
	root := filepath.Dir(filepath.Dir(filepath.Dir(filepath.Dir(r.tool))))
	if _, err := os.Stat(filepath.Join(root, "bin", "go")); err != nil && os.Getenv("GOROOT") != "" {
		root = os.Getenv("GOROOT")
	}
	return filepath.Join(root, "bin", "go")
}

// toResolution indexes what go list printed; a package that go list could
// not load is an error.
func toResolution(list []*listed) (resolution, error) {
	res := resolution{}
	for _, p := range list {
		if p.Error != nil {
			return nil, fmt.Errorf("resolving injected package %s: %s", p.ImportPath, p.Error.Err)
		}
		res[p.ImportPath] = p
	}
	return res, nil
}

// cacheKey hashes what a nested resolution depends on.
func cacheKey(goBin string, args []string) string {
	h := sha256.New()
	cwd, _ := os.Getwd()
	fmt.Fprintf(h, "%s\n%s\n%s\n", goBin, cwd, strings.Join(args, "\x00"))
	for _, k := range []string{"GOFLAGS", "GOOS", "GOARCH", "CGO_ENABLED", "GOWORK", "GOEXPERIMENT"} {
		fmt.Fprintf(h, "%s=%s\n", k, os.Getenv(k))
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// closure returns pkgs and their dependencies.
func (res resolution) closure(pkgs []string) []string {
	var out []string
	for _, p := range pkgs {
		out = append(out, p)
		if l := res[p]; l != nil {
			out = append(out, l.Deps...)
		}
	}
	return slices.Compact(slices.Sorted(slices.Values(out)))
}
