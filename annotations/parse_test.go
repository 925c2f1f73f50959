package annotations

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func parse(t *testing.T, src string) ([]*Annotation, error) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	return ParseFile(fset, f)
}

const header = "package p\n\nimport \"context\"\n\n"

func TestParse_ValidAnnotations(t *testing.T) {
	anns, err := parse(t, header+`
type stream struct{}

// run streams.
//
//mellea:hook streaming
func (s *stream) run(ctx context.Context) (err error) { return nil }

//mellea:hook generation subject=c ctx=inner
func call(outer context.Context, inner context.Context, c *stream) (string, error) { return "", nil }

//mellea:hook   component	subject=x
func act(ctx context.Context, x int) error { return nil }
`)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ fn, lc, subject, ctx string }{
		{"run", "streaming", "s", "ctx"},
		{"call", "generation", "c", "inner"},
		{"act", "component", "x", "ctx"},
	}
	if len(anns) != len(want) {
		t.Fatalf("got %d annotations", len(anns))
	}
	for i, w := range want {
		a := anns[i]
		if a.Func.Name.Name != w.fn || a.Lifecycle.Name != w.lc || a.Subject != w.subject || a.Context != w.ctx {
			t.Errorf("annotation %d = %s %s subject=%s ctx=%s, want %+v", i, a.Func.Name.Name, a.Lifecycle.Name, a.Subject, a.Context, w)
		}
	}
	if anns[0].Lifecycle.Begin != "BeginStreaming" || anns[0].Lifecycle.Subject != "StreamingSubject" {
		t.Errorf("lifecycle = %+v", anns[0].Lifecycle)
	}
}

// TestParse_Spans: a span goes on any function or method with a body and
// a context, whatever its results; it is named by name= or after the
// function as a stack trace names it, without the package path.
func TestParse_Spans(t *testing.T) {
	anns, err := parse(t, header+`
type store struct{}
type List[T any] struct{}
type vec []int

//mellea:hook span
func lookup(ctx context.Context, key string) (string, error) { return key, nil }

//mellea:hook span name=retrieve.docs_v2/all-of-them ctx=c
func (s *store) get(n int, c context.Context) int { return n }

//mellea:hook span
func (*store) put(ctx context.Context) {}

//mellea:hook span
func (v vec) Len(ctx context.Context) int { return len(v) }

//mellea:hook span
func Map[T, U any](ctx context.Context, xs []T, f func(T) U) []U { return nil }

//mellea:hook span
func (l *List[T]) Push(ctx context.Context, x T) {}

//mellea:hook span
func (l List[T]) Peek(ctx context.Context) (x T, ok bool) { return }
`)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ fn, name, ctx string }{
		{"lookup", "lookup", "ctx"},
		{"get", "retrieve.docs_v2/all-of-them", "c"},
		{"put", "(*store).put", "ctx"},
		{"Len", "vec.Len", "ctx"},
		{"Map", "Map[...]", "ctx"},
		{"Push", "(*List[...]).Push", "ctx"},
		{"Peek", "List[...].Peek", "ctx"},
	}
	if len(anns) != len(want) {
		t.Fatalf("got %d annotations, want %d", len(anns), len(want))
	}
	for i, w := range want {
		a := anns[i]
		if a.Func.Name.Name != w.fn || a.Lifecycle.Name != "span" || a.Name != w.name || a.Context != w.ctx || a.Subject != "" {
			t.Errorf("annotation %d = %s %s name=%q ctx=%s subject=%q, want %+v", i, a.Func.Name.Name, a.Lifecycle.Name, a.Name, a.Context, a.Subject, w)
		}
	}
	if lc := anns[0].Lifecycle; lc.Begin != "BeginSpan" || lc.Subject != "" {
		t.Errorf("lifecycle = %+v", lc)
	}
}

// TestFuncName: the function's name as a stack trace prints it, without
// the package path; the method of the same name on another type differs.
func TestFuncName(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", `package p
func f() {}
func (s *S) f() {}
func (S) f() {}
func (s (*S)) g() {}
func (g *G[K, V]) f() {}
func (g G[_]) h() {}
func F[T any]() {}
`, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"f", "(*S).f", "S.f", "(*S).g", "(*G[...]).f", "G[...].h", "F[...]"}
	for i, d := range f.Decls {
		if got := FuncName(d.(*ast.FuncDecl)); got != want[i] {
			t.Errorf("FuncName of declaration %d = %q, want %q", i, got, want[i])
		}
	}
}

func TestParse_RenamedContextImport(t *testing.T) {
	anns, err := parse(t, `package p
import stdctx "context"
//mellea:hook session
func (s *S) Run(c stdctx.Context) error { return nil }
type S struct{}
`)
	if err != nil || len(anns) != 1 || anns[0].Context != "c" {
		t.Fatalf("anns = %v, err = %v", anns, err)
	}
}

// TestParse_Errors checks each problem's position and message: the weaver
// and the lint print exactly these.
func TestParse_Errors(t *testing.T) {
	cases := []struct {
		name, src, want string
	}{
		{"space after slashes", "// mellea:hook streaming\nfunc (s *S) f(ctx context.Context) error { return nil }",
			`x.go:5:1: malformed annotation "// mellea:hook streaming": write //mellea:hook with no space after //, or it is only a comment`},
		{"unknown directive", "//mellea:hooks streaming\nfunc (s *S) f(ctx context.Context) error { return nil }",
			"x.go:5:1: unknown directive //mellea:hooks: the only mellea directive is //mellea:hook"},
		{"unknown lifecycle", "//mellea:hook streem\nfunc (s *S) f(ctx context.Context) error { return nil }",
			`x.go:5:15: unknown lifecycle "streem": use one of session, component, generation, streaming, span`},
		{"missing lifecycle", "//mellea:hook\nfunc (s *S) f(ctx context.Context) error { return nil }",
			"x.go:5:1: missing lifecycle: write //mellea:hook <lifecycle>, with one of session, component, generation, streaming, span"},
		{"unknown key", "//mellea:hook streaming subjekt=s\nfunc (s *S) f(ctx context.Context) error { return nil }",
			`x.go:5:25: unknown key "subjekt": the keys are subject and ctx`},
		{"repeated key", "//mellea:hook streaming ctx=ctx ctx=ctx\nfunc (s *S) f(ctx context.Context) error { return nil }",
			"x.go:5:33: ctx= is given twice"},
		{"not key=value", "//mellea:hook streaming // note\nfunc (s *S) f(ctx context.Context) error { return nil }",
			`x.go:5:25: unexpected "//" after the lifecycle: arguments are key=value, with keys subject and ctx`},
		{"misplaced on a type", "//mellea:hook streaming\ntype T struct{}",
			"x.go:5:1: misplaced //mellea:hook: it must be in the doc comment of a function declaration, directly above func"},
		{"misplaced in a body", "func (s *S) f(ctx context.Context) error {\n\t//mellea:hook streaming\n\treturn nil\n}",
			"x.go:6:2: misplaced //mellea:hook: it must be in the doc comment of a function declaration, directly above func"},
		{"detached by a blank line", "//mellea:hook streaming\n\nfunc (s *S) f(ctx context.Context) error { return nil }",
			"x.go:5:1: misplaced //mellea:hook: it must be in the doc comment of a function declaration, directly above func"},
		{"two on one function", "//mellea:hook streaming\n//mellea:hook component\nfunc (s *S) f(ctx context.Context) error { return nil }",
			"x.go:6:1: second //mellea:hook on f: a function opens one lifecycle; remove one annotation"},
		{"no error result", "//mellea:hook streaming\nfunc (s *S) f(ctx context.Context) int { return 0 }",
			"x.go:6:36: f is annotated //mellea:hook streaming but does not return error as its last result: the lifecycle's end hook needs the outcome"},
		{"no results", "//mellea:hook streaming\nfunc (s *S) f(ctx context.Context) {}",
			"x.go:6:1: f is annotated //mellea:hook streaming but does not return error as its last result: the lifecycle's end hook needs the outcome"},
		{"no context", "//mellea:hook streaming\nfunc (s *S) f(n int) error { return nil }",
			"x.go:6:14: f is annotated //mellea:hook streaming but takes no context.Context: add a ctx context.Context parameter, through which the lifecycle's plugins pass their context"},
		{"unnamed context", "//mellea:hook streaming\nfunc (s *S) f(_ context.Context) error { return nil }",
			"x.go:6:14: the context.Context parameter of f has no name: name it, so the woven code can pass the plugins' context on"},
		{"two contexts", "//mellea:hook streaming\nfunc (s *S) f(a, b context.Context) error { return nil }",
			"x.go:6:14: f takes 2 context.Context parameters: say which one the lifecycle uses with ctx=<name>"},
		{"ctx= names a non-context", "//mellea:hook streaming ctx=n\nfunc (s *S) f(ctx context.Context, n int) error { return nil }",
			"x.go:6:36: ctx=n names a parameter that is not a context.Context"},
		{"no receiver", "//mellea:hook streaming\nfunc f(ctx context.Context) error { return nil }",
			"x.go:6:6: f is annotated //mellea:hook streaming but has no receiver: name its subject with subject=<parameter>"},
		{"unnamed receiver", "//mellea:hook streaming\nfunc (*S) f(ctx context.Context) error { return nil }",
			"x.go:6:6: the receiver of f is its subject and needs a name"},
		{"subject= names nothing", "//mellea:hook streaming subject=q\nfunc (s *S) f(ctx context.Context) error { return nil }",
			"x.go:6:14: subject=q names no parameter of f"},
		{"no body", "//mellea:hook streaming\nfunc (s *S) f(ctx context.Context) error",
			"x.go:6:1: f is annotated //mellea:hook streaming but has no body: only a function with a Go body can be woven; remove the annotation"},
		{"span without body", "//mellea:hook span\nfunc f(ctx context.Context) error",
			"x.go:6:1: f is annotated //mellea:hook span but has no body: only a function with a Go body can be woven; remove the annotation"},
		{"span without context", "//mellea:hook span\nfunc (s *S) lookup(key string) (string, error) { return key, nil }",
			"x.go:6:19: lookup is annotated //mellea:hook span but takes no context.Context: add a ctx context.Context parameter, through which the lifecycle's plugins pass their context"},
		{"span with a subject", "//mellea:hook span subject=s\nfunc (s *S) f(ctx context.Context) {}",
			`x.go:5:20: unknown key "subject": the keys of span are name and ctx`},
		{"span with an unknown key", "//mellea:hook span nme=lookup\nfunc f(ctx context.Context) {}",
			`x.go:5:20: unknown key "nme": the keys of span are name and ctx`},
		{"name on another lifecycle", "//mellea:hook streaming name=run\nfunc (s *S) f(ctx context.Context) error { return nil }",
			`x.go:5:25: unknown key "name": the keys are subject and ctx`},
		{"span name with a space", "//mellea:hook span name=retrieve docs\nfunc f(ctx context.Context) {}",
			`x.go:5:34: unexpected "docs" after the lifecycle: arguments are key=value, with keys name and ctx`},
		{"span name with a bad character", "//mellea:hook span name=retrieve:docs\nfunc f(ctx context.Context) {}",
			"x.go:5:20: name=retrieve:docs: a span name is letters, digits and . _ - / only, such as name=retrieve.docs"},
		{"empty span name", "//mellea:hook span name=\nfunc f(ctx context.Context) {}",
			"x.go:5:20: name=: a span name is letters, digits and . _ - / only, such as name=retrieve.docs"},
		{"span name twice", "//mellea:hook span name=a name=b\nfunc f(ctx context.Context) {}",
			"x.go:5:27: name= is given twice"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			anns, err := parse(t, header+c.src+"\ntype S struct{}\n")
			if err == nil {
				t.Fatalf("no error; annotations %v", anns)
			}
			if err.Error() != c.want {
				t.Fatalf("error\n got  %s\n want %s", err, c.want)
			}
			list, ok := err.(ErrorList)
			if !ok || len(list) != 1 || !list[0].Pos.IsValid() {
				t.Fatalf("error is %T %v, want an ErrorList with one positioned error", err, err)
			}
		})
	}
}

func TestParse_ReportsEveryProblemInPositionOrder(t *testing.T) {
	_, err := parse(t, header+`
//mellea:hook nope
func (s *S) a(ctx context.Context) error { return nil }

//mellea:hook streaming
func (s *S) b() error { return nil }

type S struct{}
`)
	list, _ := err.(ErrorList)
	if len(list) != 2 || list[0].Pos.Line != 6 || list[1].Pos.Line != 10 {
		t.Fatalf("errors = %v", err)
	}
}

func TestMentions(t *testing.T) {
	if Mentions([]byte("package p\nfunc f() {}\n")) {
		t.Error("a file with no annotation was mentioned")
	}
	for _, s := range []string{"//mellea:hook streaming", "// mellea:hook x", "//mellea:hoook"} {
		if !Mentions([]byte(s)) {
			t.Errorf("%q was not mentioned; its error would be skipped", s)
		}
	}
}

// TestParse_EveryAnnotationInStdlib parses the repository's own annotations:
// each is valid.
func TestParse_EveryAnnotationInStdlib(t *testing.T) {
	root := filepath.Join("..", "stdlib")
	fset := token.NewFileSet()
	var n int
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil || !Mentions(src) {
			return err
		}
		f, err := parser.ParseFile(fset, path, src, parser.ParseComments)
		if err != nil {
			return err
		}
		anns, err := ParseFile(fset, f)
		if err != nil {
			t.Error(err)
		}
		n += len(anns)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d annotations in stdlib", n)
	if n == 0 {
		t.Skip("stdlib carries no annotation yet")
	}
}
