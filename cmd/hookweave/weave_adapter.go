package main

import (
	"errors"
	"go/parser"
	"go/token"

	"github.com/hookweave/hookweave/annotations"
	toolexecmode "github.com/hookweave/hookweave/cmd/hookweave/internal/toolexec"
)

// weavePackage is the one call into the weaver.
//
// INTERIM until package weave lands: annotations are checked (so their
// errors fail the build with positions), an annotated function fails the
// build because nothing can weave it yet, and mains are left unchanged.
func weavePackage(importPath string, files []toolexecmode.File, isMain bool) (*toolexecmode.Result, error) {
	fset := token.NewFileSet()
	var errs []error
	for _, f := range files {
		if !annotations.Mentions(f.Src) {
			continue
		}
		af, err := parser.ParseFile(fset, f.Name, f.Src, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		anns, err := annotations.ParseFile(fset, af)
		if err == nil && len(anns) > 0 {
			err = errors.New(fset.Position(anns[0].Pos).String() + ": hookweave: the weaver (package weave) is not built yet")
		}
		errs = append(errs, err)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return &toolexecmode.Result{Files: files}, nil
}
