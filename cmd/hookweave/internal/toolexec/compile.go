package toolexec

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/hookweave/hookweave/annotations"
)

// compile weaves the packages that need it and passes every other compile
// through untouched.
func (t *toolexec) compile() int {
	c := parseCompileArgs(t.args)
	if slices.Contains(t.args, "-std") {
		// The standard library carries no annotations; package os gets
		// the exit hook that woven mains set, so that every exit that
		// runs Go code flushes telemetry.
		if c.get(c.pkg) != "os" {
			return passThrough(t.tool, t.args)
		}
		return t.weaveOS(c)
	}
	files, mentions, err := readSources(c)
	if err != nil {
		return fail(err)
	}
	isMain := c.get(c.pkg) == "main" && isBinaryMain(os.Getenv("TOOLEXEC_IMPORTPATH"))
	if !mentions && !isMain {
		return passThrough(t.tool, t.args)
	}
	cfg, err := readImportcfg(c.get(c.importcfg))
	if err != nil {
		return fail(err)
	}
	if !mentions {
		uses, err := t.mainUsesHooks(c, cfg)
		if err != nil {
			return fail(err)
		}
		if !uses {
			logf("compile %s: main without hooks: pass-through", os.Getenv("TOOLEXEC_IMPORTPATH"))
			return passThrough(t.tool, t.args)
		}
	}
	return t.weave(c, cfg, files, isMain)
}

// readSources reads the compile's Go files and reports whether any
// mentions "mellea:".
func readSources(c *compileArgs) ([]File, bool, error) {
	files := make([]File, len(c.files))
	mentions := false
	for i, idx := range c.files {
		src, err := os.ReadFile(c.args[idx])
		if err != nil {
			return nil, false, err
		}
		files[i] = File{Name: c.args[idx], Src: src}
		mentions = mentions || annotations.Mentions(src)
	}
	return files, mentions, nil
}

// isBinaryMain reports whether TOOLEXEC_IMPORTPATH names the main package
// of a binary: not a test variant ("p [p.test]") nor a test main (p.test),
// which get no plugins.
func isBinaryMain(importPath string) bool {
	return !strings.Contains(importPath, " [") && !strings.HasSuffix(importPath, ".test")
}

// weave compiles the woven package in place of the original.
func (t *toolexec) weave(c *compileArgs, cfg *importcfg, files []File, isMain bool) int {
	pkg := c.get(c.pkg)
	res, err := t.opts.Weave(pkg, files, isMain)
	if err != nil {
		return fail(err)
	}
	if !res.Changed && len(res.Extra) == 0 && len(res.Imports) == 0 {
		logf("compile %s: unchanged", pkg)
		return passThrough(t.tool, t.args)
	}
	dir := filepath.Join(filepath.Dir(c.get(c.output)), "hookweave")
	args, err := writeWoven(c, dir, files, res)
	if err != nil {
		return fail(err)
	}
	injected, err := t.injectImports(c, cfg, res.Imports)
	if err != nil {
		return fail(err)
	}
	if len(injected) > 0 {
		cfgPath := filepath.Join(dir, "importcfg")
		if err := cfg.write(cfgPath); err != nil {
			return fail(err)
		}
		args[c.importcfg] = cfgPath
	}
	logf("compile %s: woven, main=%v, injected %v", pkg, isMain, injected)
	if code := runTool(t.tool, args); code != 0 {
		return code
	}
	if err := appendMember(c.get(c.output), memberName, encodeRecord(injected)); err != nil {
		return fail(err)
	}
	return 0
}

// weaveOS compiles package os with its exit hook. It imports nothing new
// and records nothing in the archive: package os is the same in every
// woven build, and the hook does nothing until a woven main sets it.
func (t *toolexec) weaveOS(c *compileArgs) int {
	files, _, err := readSources(c)
	if err != nil {
		return fail(err)
	}
	res, err := t.opts.Weave("os", files, false)
	if err != nil {
		return fail(err)
	}
	if len(res.Imports) > 0 {
		return fail(fmt.Errorf("weaving package os added imports %s", strings.Join(res.Imports, ", ")))
	}
	if !res.Changed && len(res.Extra) == 0 {
		return passThrough(t.tool, t.args)
	}
	args, err := writeWoven(c, filepath.Join(filepath.Dir(c.get(c.output)), "hookweave"), files, res)
	if err != nil {
		return fail(err)
	}
	logf("compile os: exit hook")
	return runTool(t.tool, args)
}

// writeWoven writes the changed and extra files into dir and returns the
// compile arguments that name them in place of the originals (matched by
// name: the weaver may return only the files it changed). Files keep
// their base names: the compiler allows cgo directives only in files named
// _cgo_*.
func writeWoven(c *compileArgs, dir string, files []File, res *Result) ([]string, error) {
	args := slices.Clone(c.args)
	index := map[string]int{} // file name -> position among the inputs
	for i, f := range files {
		index[f.Name] = i
	}
	w := &fileWriter{dir: dir, used: map[string]bool{}}
	for _, f := range res.Files {
		i, ok := index[f.Name]
		if !ok {
			return nil, fmt.Errorf("the weaver returned %s, which is not an input of the compile", f.Name)
		}
		if bytes.Equal(f.Src, files[i].Src) {
			continue
		}
		p, err := w.write(f)
		if err != nil {
			return nil, err
		}
		args[c.files[i]] = p
	}
	for _, f := range res.Extra {
		p, err := w.write(f)
		if err != nil {
			return nil, err
		}
		args = append(args, p)
	}
	return args, nil
}

// fileWriter writes files under dir, each under its base name, in a
// numbered subdirectory when two share one.
type fileWriter struct {
	dir  string
	used map[string]bool
}

func (w *fileWriter) write(f File) (string, error) {
	base := filepath.Base(f.Name)
	dir := w.dir
	for n := 1; w.used[filepath.Join(dir, base)]; n++ {
		dir = filepath.Join(w.dir, strconv.Itoa(n))
	}
	p := filepath.Join(dir, base)
	w.used[p] = true
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	if err := os.WriteFile(p, f.Src, 0o644); err != nil {
		return "", err
	}
	return p, nil
}

// injectImports adds to cfg the archives of the imports that weaving added
// and the build did not plan, and returns their paths.
func (t *toolexec) injectImports(c *compileArgs, cfg *importcfg, imports []string) ([]string, error) {
	var missing []string
	for _, p := range imports {
		if _, ok := cfg.packages[p]; !ok {
			missing = append(missing, p)
		}
	}
	if len(missing) == 0 {
		return nil, nil
	}
	res, err := t.resolver(c.work()).resolve(append(t.injectable(), missing...))
	if err != nil {
		return nil, err
	}
	for _, p := range missing {
		l := res[p]
		if l == nil || l.Export == "" {
			return nil, fmt.Errorf("no archive for injected package %s", p)
		}
		cfg.add(p, l.Export)
	}
	return missing, nil
}

// injectable is what every nested resolution lists, so one build needs one.
func (t *toolexec) injectable() []string {
	return append([]string{t.opts.HooksPath}, t.opts.Plugins...)
}

func (t *toolexec) resolver(work string) *resolver {
	return &resolver{tool: t.tool, flags: parentBuildFlags(t.args), work: work}
}
