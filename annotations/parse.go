package annotations

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/token"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// Directive is how every annotation begins.
const Directive = "//mellea:hook"

const prefix = "mellea:"

// Annotation is a checked //mellea:hook on a function.
type Annotation struct {
	Pos       token.Pos     // the start of the annotation comment
	Lifecycle *Lifecycle    // the lifecycle it opens
	Func      *ast.FuncDecl // the annotated function
	Subject   string        // the receiver or parameter that is the subject; "" for span
	Context   string        // the context.Context parameter
	// Name is a span's name: the annotation's name=, or else FuncName of
	// the function. "" for the other lifecycles.
	Name string
}

// Mentions reports whether src may hold an annotation or a misspelt one: a
// byte search that lets a caller skip parsing files that have none.
func Mentions(src []byte) bool { return bytes.Contains(src, []byte(prefix)) }

// spaced matches a directive written with a space after the slashes.
var spaced = regexp.MustCompile(`^//\s+mellea:hook\b`)

// ParseFile returns the annotations of f, which fset positions. The error, if
// any, is an ErrorList of every problem in the file; the annotations are
// then incomplete and must not be used.
func ParseFile(fset *token.FileSet, f *ast.File) ([]*Annotation, error) {
	p := &checker{fset: fset, file: f, docs: map[*ast.CommentGroup]*ast.FuncDecl{}, seen: map[*ast.FuncDecl]bool{}}
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Doc != nil {
			p.docs[fd.Doc] = fd
		}
	}
	p.ctxName = importName(f, "context")
	var anns []*Annotation
	for _, g := range f.Comments {
		for _, c := range g.List {
			if a := p.comment(g, c); a != nil {
				anns = append(anns, a)
			}
		}
	}
	return anns, p.errs.err()
}

type checker struct {
	fset    *token.FileSet
	file    *ast.File
	docs    map[*ast.CommentGroup]*ast.FuncDecl
	seen    map[*ast.FuncDecl]bool
	ctxName string
	errs    ErrorList
}

func (p *checker) errorf(pos token.Pos, format string, args ...any) {
	p.errs = append(p.errs, &Error{Pos: p.fset.Position(pos), Msg: fmt.Sprintf(format, args...)})
}

func (p *checker) comment(g *ast.CommentGroup, c *ast.Comment) *Annotation {
	text := c.Text
	if spaced.MatchString(text) {
		p.errorf(c.Slash, "malformed annotation %q: write %s with no space after //, or it is only a comment", firstLine(text), Directive)
		return nil
	}
	if !strings.HasPrefix(text, "//"+prefix) {
		return nil
	}
	fields := strings.Fields(text[2:])
	if fields[0] != prefix+"hook" {
		p.errorf(c.Slash, "unknown directive //%s: the only mellea directive is %s", fields[0], Directive)
		return nil
	}
	fd := p.docs[g]
	if fd == nil {
		p.errorf(c.Slash, "misplaced %s: it must be in the doc comment of a function declaration, directly above func", Directive)
		return nil
	}
	if p.seen[fd] {
		p.errorf(c.Slash, "second %s on %s: a function opens one lifecycle; remove one annotation", Directive, fd.Name.Name)
		return nil
	}
	p.seen[fd] = true
	a := &Annotation{Pos: c.Slash, Func: fd}
	if !p.args(a, c) {
		return nil
	}
	if !p.shape(a) {
		return nil
	}
	return a
}

// args parses the lifecycle and key=value arguments.
func (p *checker) args(a *Annotation, c *ast.Comment) bool {
	rest := c.Text[len(Directive):]
	offset := len(Directive)
	ok := true
	set := map[string]bool{}
	for i, f := range fieldsWithOffsets(rest) {
		pos := c.Slash + token.Pos(offset+f.off)
		if i == 0 {
			if a.Lifecycle = Lookup(f.s); a.Lifecycle == nil {
				p.errorf(pos, "unknown lifecycle %q: use one of %s", f.s, lifecycleNames())
				ok = false
			}
			continue
		}
		keys := subjectKeys
		if a.Lifecycle != nil {
			keys = a.Lifecycle.Keys
		}
		key, val, found := strings.Cut(f.s, "=")
		switch {
		case !found:
			p.errorf(pos, "unexpected %q after the lifecycle: arguments are key=value, with keys %s", f.s, strings.Join(keys, " and "))
			return false
		case !slices.Contains(keys, key) && a.Lifecycle != nil && a.Lifecycle.Subject == "":
			p.errorf(pos, "unknown key %q: the keys of %s are %s", key, a.Lifecycle.Name, strings.Join(keys, " and "))
			ok = false
		case !slices.Contains(keys, key):
			p.errorf(pos, "unknown key %q: the keys are %s", key, strings.Join(keys, " and "))
			ok = false
		case set[key]:
			p.errorf(pos, "%s= is given twice", key)
			ok = false
		case key == "name":
			set[key] = true
			if !isSpanName(val) {
				p.errorf(pos, "name=%s: a span name is letters, digits and . _ - / only, such as name=retrieve.docs", val)
				ok = false
			}
			a.Name = val
		case !token.IsIdentifier(val) || val == "_":
			p.errorf(pos, "%s=%s: the value must name a parameter", key, val)
			ok = false
		default:
			set[key] = true
			if key == "subject" {
				a.Subject = val
			} else {
				a.Context = val
			}
		}
	}
	if a.Lifecycle == nil && ok {
		p.errorf(c.Slash, "missing lifecycle: write %s <lifecycle>, with one of %s", Directive, lifecycleNames())
		return false
	}
	return ok
}

// shape checks that the function can carry the lifecycle.
func (p *checker) shape(a *Annotation) bool {
	fd := a.Func
	name := fd.Name.Name
	ok := true
	if fd.Body == nil {
		p.errorf(fd.Pos(), "%s is annotated %s %s but has no body: only a function with a Go body can be woven; remove the annotation", name, Directive, a.Lifecycle.Name)
		ok = false
	}
	if !p.context(a) {
		ok = false
	}
	if a.Lifecycle.Subject == "" { // span: any results; the error result, if last, is the outcome
		if a.Name == "" {
			a.Name = FuncName(fd)
		}
		return ok
	}
	if !p.subject(a) {
		ok = false
	}
	res := fd.Type.Results
	if !ReturnsError(res) {
		pos := fd.Type.Func
		if res != nil {
			pos = res.Pos()
		}
		p.errorf(pos, "%s is annotated %s %s but does not return error as its last result: the lifecycle's end hook needs the outcome", name, Directive, a.Lifecycle.Name)
		ok = false
	}
	return ok
}

func (p *checker) context(a *Annotation) bool {
	fd := a.Func
	var found []string
	for _, f := range fd.Type.Params.List {
		names := fieldNames(f)
		if a.Context != "" {
			for _, n := range names {
				if n == a.Context {
					if !p.isContext(f.Type) {
						p.errorf(f.Pos(), "ctx=%s names a parameter that is not a context.Context", a.Context)
						return false
					}
					return true
				}
			}
			continue
		}
		if p.isContext(f.Type) {
			if len(names) == 0 {
				names = []string{""}
			}
			found = append(found, names...)
		}
	}
	switch {
	case a.Context != "":
		p.errorf(fd.Type.Params.Pos(), "ctx=%s names no parameter of %s", a.Context, fd.Name.Name)
		return false
	case len(found) == 0:
		p.errorf(fd.Type.Params.Pos(), "%s is annotated %s %s but takes no context.Context: add a ctx context.Context parameter, through which the lifecycle's plugins pass their context", fd.Name.Name, Directive, a.Lifecycle.Name)
		return false
	case len(found) > 1:
		p.errorf(fd.Type.Params.Pos(), "%s takes %d context.Context parameters: say which one the lifecycle uses with ctx=<name>", fd.Name.Name, len(found))
		return false
	case found[0] == "" || found[0] == "_":
		p.errorf(fd.Type.Params.Pos(), "the context.Context parameter of %s has no name: name it, so the woven code can pass the plugins' context on", fd.Name.Name)
		return false
	}
	a.Context = found[0]
	return true
}

func (p *checker) subject(a *Annotation) bool {
	fd := a.Func
	if a.Subject == "" {
		if fd.Recv == nil {
			p.errorf(fd.Name.Pos(), "%s is annotated %s %s but has no receiver: name its subject with subject=<parameter>", fd.Name.Name, Directive, a.Lifecycle.Name)
			return false
		}
		names := fieldNames(fd.Recv.List[0])
		if len(names) == 0 || names[0] == "_" {
			p.errorf(fd.Recv.Pos(), "the receiver of %s is its subject and needs a name", fd.Name.Name)
			return false
		}
		a.Subject = names[0]
		return true
	}
	for _, fl := range fd.Type.Params.List {
		for _, n := range fieldNames(fl) {
			if n == a.Subject {
				return true
			}
		}
	}
	if fd.Recv != nil {
		if names := fieldNames(fd.Recv.List[0]); len(names) > 0 && names[0] == a.Subject {
			return true
		}
	}
	p.errorf(fd.Type.Params.Pos(), "subject=%s names no parameter of %s", a.Subject, fd.Name.Name)
	return false
}

func (p *checker) isContext(t ast.Expr) bool {
	switch t := t.(type) {
	case *ast.SelectorExpr:
		return p.ctxName != "" && p.ctxName != "." && isIdent(t.X, p.ctxName) && t.Sel.Name == "Context"
	case *ast.Ident:
		return p.ctxName == "." && t.Name == "Context"
	}
	return false
}

func importName(f *ast.File, path string) string {
	for _, s := range f.Imports {
		if p, err := strconv.Unquote(s.Path.Value); err == nil && p == path {
			if s.Name != nil {
				return s.Name.Name
			}
			return path[strings.LastIndex(path, "/")+1:]
		}
	}
	return ""
}

func fieldNames(f *ast.Field) []string {
	names := make([]string, len(f.Names))
	for i, n := range f.Names {
		names[i] = n.Name
	}
	return names
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

type field struct {
	s   string
	off int
}

func fieldsWithOffsets(s string) []field {
	var fs []field
	start := -1
	for i, r := range s + " " {
		space := r == ' ' || r == '\t'
		switch {
		case !space && start < 0:
			start = i
		case space && start >= 0:
			fs = append(fs, field{s[start:i], start})
			start = -1
		}
	}
	return fs
}

// isSpanName reports whether s is a span name: letters, digits and . _ - /,
// at least one.
func isSpanName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("._-/", r) {
			return false
		}
	}
	return true
}

// ReturnsError reports whether the last of results is written error: the
// outcome that a lifecycle's end hook reads.
func ReturnsError(results *ast.FieldList) bool {
	return results != nil && len(results.List) > 0 && isIdent(results.List[len(results.List)-1].Type, "error")
}
