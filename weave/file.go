package weave

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"strconv"

	"github.com/hookweave/hookweave/annotations"
)

// fileWeaver collects the edits of one file.
type fileWeaver struct {
	pkg   *pkg
	name  string
	src   []byte
	tf    *token.File
	file  *ast.File
	anns  []*annotations.Annotation
	edits []edit
	// lineNames maps the names of the file's //line directives as
	// resolved to the names as written.
	lineNames map[string]string
	imports   []importSpec // imports to add, in order
}

// importSpec is an import that weaving adds to a file.
type importSpec struct{ name, path string }

// parseFile parses f and checks its annotations. Object resolution stays
// on: it tells a reference to package os from a local variable named os.
func parseFile(p *pkg, f File) (*fileWeaver, error) {
	file, err := parser.ParseFile(p.fset, f.Name, f.Src, parser.ParseComments)
	if err != nil {
		return nil, parseError(err)
	}
	w := &fileWeaver{pkg: p, name: f.Name, src: f.Src, tf: p.fset.File(file.Package), file: file, lineNames: lineNames(f.Name, file)}
	if annotations.Mentions(f.Src) {
		if w.anns, err = annotations.ParseFile(p.fset, file); err != nil {
			return nil, err
		}
	}
	if p.cfg.annotate != nil {
		w.anns = p.cfg.annotate(file)
	}
	return w, nil
}

// parseError gives go/parser's errors hookweave's form.
func parseError(err error) error {
	list, ok := err.(scanner.ErrorList)
	if !ok {
		return err
	}
	out := make(annotations.ErrorList, len(list))
	for i, e := range list {
		out[i] = &annotations.Error{Pos: e.Pos, Msg: "cannot parse the file to weave it: " + e.Msg}
	}
	return out
}

func (w *fileWeaver) errorf(pos token.Pos, format string, args ...any) error {
	return &annotations.Error{Pos: w.pkg.fset.Position(pos), Msg: fmt.Sprintf(format, args...)}
}

// offset returns the byte offset of pos in the file.
func (w *fileWeaver) offset(pos token.Pos) int { return w.tf.Offset(pos) }

// addImport makes path available under name (once) and returns name.
func (w *fileWeaver) addImport(name, path string) string {
	for _, s := range w.imports {
		if s.path == path && s.name == name {
			return name
		}
	}
	w.imports = append(w.imports, importSpec{name, path})
	return name
}

// hooks returns the file's name for package hooks, adding the import.
func (w *fileWeaver) hooks() string {
	return w.addImport(w.pkg.names.hooks, w.pkg.cfg.HooksPath)
}

// output applies the edits and returns the woven source and the import
// paths it added.
func (w *fileWeaver) output() ([]byte, []string) {
	var paths []string
	if len(w.imports) > 0 {
		text := "; import ("
		for i, s := range w.imports {
			if i > 0 {
				text += "; "
			}
			text += s.name + " " + strconv.Quote(s.path)
			if s.path != "unsafe" { // the compiler's own: no archive to find
				paths = append(paths, s.path)
			}
		}
		w.insert(w.file.Name.End(), text+")")
	}
	if len(w.edits) == 0 {
		return w.src, nil
	}
	return w.apply(), paths
}
