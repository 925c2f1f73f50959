package weave

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"

	"github.com/hookweave/hookweave/annotations"
)

// File is one Go source file. Its Name is used as given in the //line
// directives of the woven output: pass absolute names, which the compiler's
// -trimpath rewrites, since the compiler resolves a relative //line name
// against nothing.
type File struct {
	Name string
	Src  []byte
}

// Config says what weaving adds.
type Config struct {
	// HooksPath is the import path of package hooks.
	HooksPath string
	// Plugins are imported (blank) by the main package of a binary.
	Plugins []string
	// NoPlugins are import paths whose packages, and those below them, must
	// never get Plugins: the library, whose lint cannot see woven output.
	NoPlugins []string

	// annotate, when set, replaces the annotations parsed from each file:
	// every file is parsed and woven with what it returns. It is the seam
	// of the tests that weave any Go file as if every function were
	// annotated; a Config made outside the package never sets it.
	annotate func(*ast.File) []*annotations.Annotation
}

// Result is a woven package.
type Result struct {
	Files   []File   // every input file, rewritten or not, in input order
	Extra   []File   // new files for the compile
	Imports []string // import paths the woven files import and the input did not (unsafe aside)
	Changed bool     // whether any file differs from the input
}

// Package weaves the files of the package importPath. isMain asks for the
// plugin set and the shutdown lifecycle of a binary's package main. An
// error is an annotations.ErrorList of every problem, at its position;
// nothing is woven then.
func (c *Config) Package(importPath string, files []File, isMain bool) (*Result, error) {
	p := &pkg{cfg: c, importPath: importPath, fset: token.NewFileSet(), names: newNames(files)}
	if err := p.parse(files, isMain); err != nil {
		return nil, err
	}
	if isMain {
		if err := p.checkMain(); err != nil {
			return nil, err
		}
	}
	if err := p.checkShadows(files, isMain); err != nil {
		return nil, err
	}
	return p.weave(files, isMain), nil
}

// pkg is one package being woven.
type pkg struct {
	cfg        *Config
	importPath string
	fset       *token.FileSet
	names      names
	files      []*fileWeaver // nil for files that need nothing
	spans      int           // the span sites declared so far
}

// parse parses the files that may need weaving and checks their
// annotations.
func (p *pkg) parse(files []File, isMain bool) error {
	var errs annotations.ErrorList
	p.files = make([]*fileWeaver, len(files))
	for i, f := range files {
		if !isMain && !annotations.Mentions(f.Src) && p.cfg.annotate == nil {
			continue
		}
		w, err := parseFile(p, f)
		if err != nil {
			errs = append(errs, asList(err)...)
			continue
		}
		p.files[i] = w
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// checkMain refuses a main that must not get the plugin set.
func (p *pkg) checkMain() error {
	var first *fileWeaver
	for _, w := range p.files {
		if w != nil {
			first = w
			break
		}
	}
	if first == nil {
		return nil
	}
	if name := first.file.Name.Name; name != "main" {
		return first.errorf(first.file.Name.Pos(), "package %s is not a main package: only a binary's package main gets the plugin set", name)
	}
	for _, no := range p.cfg.NoPlugins {
		if p.importPath == no || strings.HasPrefix(p.importPath, no+"/") {
			return first.errorf(first.file.Package, "%s is under %s, which must never link the plugin set (%s): build the program from a main outside %s", p.importPath, no, strings.Join(p.cfg.Plugins, ", "), no)
		}
	}
	return nil
}

// weave rewrites the parsed files.
func (p *pkg) weave(files []File, isMain bool) *Result {
	res := &Result{Files: make([]File, len(files))}
	added := map[string]bool{}
	mainDone := false
	for i, f := range files {
		res.Files[i] = f
		w := p.files[i]
		if w == nil {
			continue
		}
		w.annotated()
		if isMain {
			if !mainDone && w.mainFunc() != nil {
				w.main()
				mainDone = true
			}
		}
		src, imports := w.output()
		for _, ip := range imports {
			if !added[ip] {
				added[ip] = true
				res.Imports = append(res.Imports, ip)
			}
		}
		if string(src) != string(f.Src) {
			res.Files[i].Src = src
			res.Changed = true
		}
	}
	return res
}

// asList turns a parse or annotation error into an annotations.ErrorList.
func asList(err error) annotations.ErrorList {
	if l, ok := err.(annotations.ErrorList); ok {
		return l
	}
	return annotations.ErrorList{{Msg: fmt.Sprint(err)}}
}
