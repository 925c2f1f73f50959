package main

import (
	"os"
	"path/filepath"

	toolexecmode "github.com/hookweave/hookweave/cmd/hookweave/internal/toolexec"
	"github.com/hookweave/hookweave/weave"
)

// weaveConfig is what weaving adds: hooks, and in a binary's main the
// plugin set, which the library (stdlib/) must never get.
var weaveConfig = &weave.Config{
	HooksPath: options.HooksPath,
	Plugins:   options.Plugins,
	NoPlugins: []string{module + "/stdlib"},
}

// weavePackage is the one entry into package weave, for the toolexec mode
// and for hookweave show alike, so that show prints what the build
// compiles. The compiler gets files by names relative to the package
// directory, its working directory; the woven //line directives need
// absolute ones. A
// main's import path (-p main) is taken from TOOLEXEC_IMPORTPATH.
func weavePackage(importPath string, files []toolexecmode.File, isMain bool) (*toolexecmode.Result, error) {
	if ip := os.Getenv("TOOLEXEC_IMPORTPATH"); isMain && ip != "" {
		importPath = ip
	}
	in := make([]weave.File, len(files))
	for i, f := range files {
		name, err := filepath.Abs(f.Name)
		if err != nil {
			return nil, err
		}
		in[i] = weave.File{Name: name, Src: f.Src}
	}
	var res *weave.Result
	var err error
	if importPath == "os" {
		res, err = weave.OS(in)
	} else {
		res, err = weaveConfig.Package(importPath, in, isMain)
	}
	if err != nil {
		return nil, err
	}
	out := &toolexecmode.Result{Imports: res.Imports, Changed: res.Changed, Files: make([]toolexecmode.File, len(files))}
	for i, f := range res.Files {
		out.Files[i] = toolexecmode.File{Name: files[i].Name, Src: f.Src}
	}
	for _, f := range res.Extra {
		out.Extra = append(out.Extra, toolexecmode.File{Name: f.Name, Src: f.Src})
	}
	return out, nil
}
