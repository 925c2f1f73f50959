package weave

import (
	"strings"
	"testing"

	"github.com/hookweave/hookweave/annotations"
)

func weaveSrc(importPath, src string, isMain bool) (*Result, error) {
	return testConfig.Package(importPath, []File{{Name: "x.go", Src: []byte(src)}}, isMain)
}

// TestErrors checks that what cannot be woven fails with a positioned
// error and weaves nothing.
func TestErrors(t *testing.T) {
	cases := []struct {
		name, importPath, src string
		isMain                bool
		want                  string
	}{
		{"malformed annotation", "p", "package p\n\nimport \"context\"\n\ntype S struct{}\n\n// mellea:hook component\nfunc (s S) F(ctx context.Context) error { return nil }\n", false,
			`x.go:7:1: malformed annotation "// mellea:hook component"`},
		{"unknown lifecycle", "p", "package p\n\nimport \"context\"\n\ntype S struct{}\n\n//mellea:hook compnent\nfunc (s S) F(ctx context.Context) error { return nil }\n", false,
			`x.go:7:15: unknown lifecycle "compnent"`},
		{"misplaced", "p", "package p\n\n//mellea:hook component\nvar v int\n", false,
			`x.go:3:1: misplaced //mellea:hook`},
		{"wrong shape", "p", "package p\n\ntype S struct{}\n\n//mellea:hook component\nfunc (s S) F() error { return nil }\n", false,
			`x.go:6:13: F is annotated //mellea:hook component but takes no context.Context`},
		{"span without context", "p", "package p\n\n//mellea:hook span\nfunc lookup(key string) string { return key }\n", false,
			`x.go:4:12: lookup is annotated //mellea:hook span but takes no context.Context: add a ctx context.Context parameter`},
		{"span with a bad name", "p", "package p\n\nimport \"context\"\n\n//mellea:hook span name=a,b\nfunc f(ctx context.Context) {}\n", false,
			`x.go:5:20: name=a,b: a span name is letters, digits and . _ - / only, such as name=retrieve.docs`},
		{"syntax error", "p", "package p\n\n//mellea:hook component\nfunc (s S) F( {\n", false,
			`x.go:4:15: cannot parse the file to weave it:`},
		{"plugins under stdlib", "github.com/hookweave/hookweave/stdlib/tool", "package main\n\nfunc main() {}\n", true,
			`x.go:1:1: github.com/hookweave/hookweave/stdlib/tool is under github.com/hookweave/hookweave/stdlib, which must never link the plugin set`},
		{"package declares recover", "p", "package p\n\nimport \"context\"\n\ntype S struct{}\n\n//mellea:hook component\nfunc (s S) F(ctx context.Context) error { return nil }\n\nfunc recover() any { return nil }\n", false,
			`x.go:10:6: package p declares recover, which hides Go's predeclared recover that the woven code uses (the end hook would miss panics): rename it`},
		{"parameter named recover", "p", "package p\n\nimport \"context\"\n\ntype S struct{}\n\n//mellea:hook component\nfunc (s S) F(ctx context.Context, recover int) error { return nil }\n", false,
			`x.go:8:35: F declares recover, which hides`},
		{"import named nil", "p", "package p\n\nimport (\n\t\"context\"\n\tnil \"errors\"\n)\n\ntype S struct{}\n\n//mellea:hook component\nfunc (s S) F(ctx context.Context) error { return nil.New(\"x\") }\n", false,
			`x.go:5:2: the file imports a package as nil, which hides`},
		{"main package declares int", "main", "package main\n\ntype int = string\n\nfunc main() {}\n", true,
			`x.go:3:6: package main declares int, which hides`},
		{"main of a library", "p", "package p\n\nfunc main() {}\n", true,
			`x.go:1:9: package p is not a main package`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := weaveSrc(c.importPath, c.src, c.isMain)
			if err == nil {
				t.Fatalf("no error; woven:\n%s", res.Files[0].Src)
			}
			if !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("error\n got  %v\n want %s...", err, c.want)
			}
			if _, ok := err.(annotations.ErrorList); !ok {
				if _, ok := err.(*annotations.Error); !ok {
					t.Errorf("error is a %T, want an annotations error", err)
				}
			}
		})
	}
}

// TestErrorsOfEveryFile reports the problems of all files at once.
func TestErrorsOfEveryFile(t *testing.T) {
	bad := []byte("package p\n\n//mellea:hook nope\nfunc f() error { return nil }\n")
	_, err := testConfig.Package("p", []File{{Name: "a.go", Src: bad}, {Name: "b.go", Src: bad}}, false)
	if err == nil || !strings.Contains(err.Error(), "a.go:3:15:") || !strings.Contains(err.Error(), "b.go:3:15:") {
		t.Fatalf("err = %v, want the problems of a.go and b.go", err)
	}
}

// TestShadowInAnotherFile finds a package-level recover in a file that
// has no annotation.
func TestShadowInAnotherFile(t *testing.T) {
	annotated := []byte("package p\n\nimport \"context\"\n\ntype S struct{}\n\n//mellea:hook component\nfunc (s S) F(ctx context.Context) error { return nil }\n")
	other := []byte("package p\n\nvar (\n\tx       = 1\n\trecover = func() any { return nil }\n)\n")
	_, err := testConfig.Package("p", []File{{Name: "a.go", Src: annotated}, {Name: "b.go", Src: other}}, false)
	if err == nil || !strings.HasPrefix(err.Error(), "b.go:5:2: package p declares recover") {
		t.Fatalf("err = %v, want the declaration of recover in b.go", err)
	}
}

// TestUntouched leaves files without annotations as they are, unparsed,
// and a package with none unchanged.
func TestUntouched(t *testing.T) {
	src := "package p\n\nfunc f( {\n" // not even Go: it is never parsed
	res, err := weaveSrc("p", src, false)
	if err != nil || res.Changed || len(res.Imports) != 0 || string(res.Files[0].Src) != src {
		t.Fatalf("res = %+v, err = %v", res, err)
	}
}

// TestImports reports the imports that weaving added.
func TestImports(t *testing.T) {
	res, err := weaveSrc("main", "package main\n\nfunc main() {}\n", true)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{hooksPath, pluginsPath}
	if strings.Join(res.Imports, " ") != strings.Join(want, " ") {
		t.Errorf("imports = %v, want %v", res.Imports, want)
	}
}

// TestSpanSitesOfAPackage gives each annotated function of a package a
// site of its own, across files, and leaves its other functions as they
// are.
func TestSpanSitesOfAPackage(t *testing.T) {
	src := func(fn string) []byte {
		return []byte("package p\n\nimport \"context\"\n\n//mellea:hook span\nfunc " + fn + "(ctx context.Context) {}\n\nfunc plain" + fn + "(ctx context.Context) {}\n")
	}
	res, err := testConfig.Package("example.com/p", []File{{Name: "a.go", Src: src("A")}, {Name: "b.go", Src: src("B")}}, false)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{
		`var _hookweave_span1 = _hookweave_hooks.SpanSite{Name: "A", Function: "example.com/p.A", Line: 6}`,
		`var _hookweave_span2 = _hookweave_hooks.SpanSite{Name: "B", Function: "example.com/p.B", Line: 6}`,
	} {
		out := string(res.Files[i].Src)
		if strings.Count(out, "SpanSite{") != 1 || !strings.Contains(out, want) {
			t.Errorf("file %d:\n%s\nwant the one site %s", i, out, want)
		}
		if !strings.Contains(out, "\nfunc plain"+string(rune('A'+i))+"(ctx context.Context) {}\n") {
			t.Errorf("file %d: an unannotated function was changed:\n%s", i, out)
		}
	}
}
