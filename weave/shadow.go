package weave

import (
	"bytes"
	"go/ast"
	"go/parser"
	"slices"

	"github.com/hookweave/hookweave/annotations"
)

// The woven code refers to predeclared identifiers: recover and nil in a
// lifecycle's prologue, int in a main's exit hook. A package that declares
// one of them at package scope, a file that imports a package under one of
// those names, or an annotated function with a parameter or result so
// named would capture the reference: with its own recover, the end hook
// would report success for a function that panics. checkShadows fails the
// weave instead, at the declaration, saying what to rename. panic is not
// among them: the woven code never calls it (hooks re-panics).

// checkShadows reports every declaration that would capture a predeclared
// identifier that the woven code of the package uses.
func (p *pkg) checkShadows(files []File, isMain bool) error {
	var names []string
	if p.annotated() {
		names = append(names, "recover", "nil")
	}
	if isMain {
		names = append(names, "int")
	}
	if len(names) == 0 {
		return nil
	}
	var errs annotations.ErrorList
	for i, f := range files {
		if !mentionsAny(f.Src, names) {
			continue
		}
		w := p.files[i]
		var file *ast.File
		if w != nil {
			file = w.file
		} else if file, _ = parser.ParseFile(p.fset, f.Name, f.Src, parser.SkipObjectResolution); file == nil {
			continue // the compiler reports what does not parse
		}
		for _, id := range packageScope(file) {
			if slices.Contains(names, id.Name) {
				errs = append(errs, p.shadowError(id, "package "+file.Name.Name+" declares"))
			}
		}
		if w != nil {
			errs = append(errs, w.shadowedInAnnotated()...)
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// shadowedInAnnotated reports the imports of the file and the receivers,
// parameters and results of its annotated functions named recover or nil.
func (w *fileWeaver) shadowedInAnnotated() annotations.ErrorList {
	if len(w.anns) == 0 {
		return nil
	}
	names := []string{"recover", "nil"}
	var errs annotations.ErrorList
	for _, s := range w.file.Imports {
		if s.Name != nil && slices.Contains(names, s.Name.Name) {
			errs = append(errs, w.pkg.shadowError(s.Name, "the file imports a package as"))
		}
	}
	for _, a := range w.anns {
		for _, fl := range []*ast.FieldList{a.Func.Recv, a.Func.Type.Params, a.Func.Type.Results} {
			if fl == nil {
				continue
			}
			for _, f := range fl.List {
				for _, id := range f.Names {
					if slices.Contains(names, id.Name) {
						errs = append(errs, w.pkg.shadowError(id, a.Func.Name.Name+" declares"))
					}
				}
			}
		}
	}
	return errs
}

func (p *pkg) shadowError(id *ast.Ident, what string) *annotations.Error {
	return &annotations.Error{Pos: p.fset.Position(id.Pos()), Msg: what + " " + id.Name +
		", which hides Go's predeclared " + id.Name + " that the woven code uses (the end hook would miss panics): rename it"}
}

// packageScope returns the identifiers that f declares at package scope.
func packageScope(f *ast.File) []*ast.Ident {
	var ids []*ast.Ident
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil {
				ids = append(ids, d.Name)
			}
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.ValueSpec:
					ids = append(ids, s.Names...)
				case *ast.TypeSpec:
					ids = append(ids, s.Name)
				}
			}
		}
	}
	return ids
}

func mentionsAny(src []byte, names []string) bool {
	for _, n := range names {
		if bytes.Contains(src, []byte(n)) {
			return true
		}
	}
	return false
}

// annotated reports whether a file of the package has annotations.
func (p *pkg) annotated() bool {
	for _, w := range p.files {
		if w != nil && len(w.anns) > 0 {
			return true
		}
	}
	return false
}
