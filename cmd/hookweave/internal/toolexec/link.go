package toolexec

import (
	"maps"
	"path/filepath"
	"slices"
)

// link adds what woven packages injected to importcfg.link and marks the
// binary woven; a link with no woven package passes through.
func (t *toolexec) link() int {
	cfgIdx := slices.Index(t.args, "-importcfg") + 1
	if cfgIdx == 0 || cfgIdx >= len(t.args) || len(t.args) == 0 {
		return passThrough(t.tool, t.args)
	}
	cfgPath := t.args[cfgIdx]
	cfg, err := readImportcfg(cfgPath)
	if err != nil {
		return fail(err)
	}
	mainArchive := t.args[len(t.args)-1]
	woven, injected, err := t.wovenRecords(cfg, mainArchive)
	if err != nil {
		return fail(err)
	}
	if !woven {
		return passThrough(t.tool, t.args)
	}
	args := slices.Clone(t.args)
	if len(injected) > 0 {
		if args[cfgIdx], err = t.linkClosure(cfg, cfgPath, injected); err != nil {
			return fail(err)
		}
	}
	id, err := Identity(t.opts)
	if err != nil {
		return fail(err)
	}
	x := "-X=" + t.opts.HooksPath + ".wovenBy=" + id
	args = slices.Insert(args, len(args)-1, x)
	logf("link %s: woven, injected %v", mainArchive, injected)
	return runTool(t.tool, args)
}

// linkClosure writes, next to importcfg.link, a copy that adds the
// archives of the injected packages and of everything they depend on (the
// modinfo line and the rest are kept), and returns its path.
func (t *toolexec) linkClosure(cfg *importcfg, cfgPath string, injected []string) (string, error) {
	work := filepath.Dir(filepath.Dir(cfgPath))
	res, err := t.resolver(work).resolve(append(t.injectable(), injected...))
	if err != nil {
		return "", err
	}
	for _, p := range res.closure(injected) {
		if l := res[p]; l != nil && l.Export != "" {
			cfg.add(p, l.Export)
		}
	}
	newCfg := filepath.Join(filepath.Dir(cfgPath), "hookweave-importcfg.link")
	return newCfg, cfg.write(newCfg)
}

// wovenRecords reads the hookweave.inj members of the main archive and,
// when the binary links package hooks (every woven package imports it), of
// every archive: whether any package was woven, and what they injected.
func (t *toolexec) wovenRecords(cfg *importcfg, mainArchive string) (bool, []string, error) {
	archives := []string{mainArchive}
	if _, ok := cfg.packages[t.opts.HooksPath]; ok {
		for _, p := range slices.Sorted(maps.Keys(cfg.packages)) {
			archives = append(archives, cfg.packages[p])
		}
	}
	woven := false
	var injected []string
	for _, a := range archives {
		data, err := readMember(a, memberName)
		if err != nil {
			return false, nil, err
		}
		if data != nil {
			woven = true
			injected = append(injected, decodeRecord(data)...)
		}
	}
	return woven, slices.Compact(slices.Sorted(slices.Values(injected))), nil
}
