package toolexec

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strings"
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
	return bytes.Contains(deps, []byte("\n"+t.opts.HooksPath+"\n")), nil
}

// listDeps returns the import paths of the package's dependencies, one a
// line, with a leading newline.
func (t *toolexec) listDeps(c *compileArgs) ([]byte, error) {
	args := append([]string{"list", "-deps", "-f", "{{.ImportPath}}"}, parentBuildFlags(t.args)...)
	args = append(args, "--")
	if ip := os.Getenv("TOOLEXEC_IMPORTPATH"); ip != "" && ip != "command-line-arguments" {
		args = append(args, ip)
	} else {
		for _, i := range c.files {
			args = append(args, c.args[i])
		}
	}
	r := t.resolver(c.work())
	logf("deps: go %s", strings.Join(args, " "))
	cmd := exec.Command(r.goBinary(), args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("listing the dependencies of %s: %w\n%s", os.Getenv("TOOLEXEC_IMPORTPATH"), err, stderr.Bytes())
	}
	return append([]byte("\n"), out...), nil
}
