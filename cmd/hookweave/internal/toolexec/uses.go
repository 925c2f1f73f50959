package toolexec

import (
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/hookweave/hookweave/cmd/hookweave/internal/golist"
)

// mainUsesHooks reports whether the binary whose package main c compiles
// depends on package hooks, so that its main gets the plugin set. The
// importcfg lists only direct imports; when hooks is not among them and
// the build takes hookweave's module at all, a go list -deps (no build)
// answers.
func (t *toolexec) mainUsesHooks(c *compileArgs, cfg *importcfg) (bool, error) {
	if _, ok := cfg.packages[t.opts.HooksPath]; ok {
		return true, nil
	}
	cwd, err := os.Getwd()
	if err != nil {
		return false, err
	}
	if p := findProvenance(cwd, t.opts.Module); p.dir == "" && p.version == "" {
		logf("main: the build in %s does not use %s", cwd, t.opts.Module)
		return false, nil
	}
	deps, err := t.listDeps(c)
	if err != nil {
		return false, err
	}
	return slices.ContainsFunc(deps, func(p *listedPath) bool { return p.ImportPath == t.opts.HooksPath }), nil
}

// listedPath is what listDeps reads of go list.
type listedPath struct{ ImportPath string }

// listDeps lists the package and its dependencies (go list -deps, no
// build), with the parent's build flags.
func (t *toolexec) listDeps(c *compileArgs) ([]*listedPath, error) {
	flags := append([]string{"-deps"}, parentBuildFlags(t.args)...)
	var pkgs []string
	if ip := os.Getenv("TOOLEXEC_IMPORTPATH"); ip != "" && ip != "command-line-arguments" {
		pkgs = append(pkgs, ip)
	} else {
		for _, i := range c.files {
			pkgs = append(pkgs, c.args[i])
		}
	}
	logf("deps: go list %s -- %s", strings.Join(flags, " "), strings.Join(pkgs, " "))
	deps, err := golist.Packages[listedPath](golist.Cmd{Go: t.resolver(c.work()).goBinary(), Flags: flags}, "ImportPath", pkgs)
	if err != nil {
		return nil, fmt.Errorf("listing the dependencies of %s: %w", os.Getenv("TOOLEXEC_IMPORTPATH"), err)
	}
	return deps, nil
}
