package weave

import (
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
)

// TestPositions builds woven code with the compiler and runs it: a subject
// that does not implement the lifecycle's interface is a compile error at
// the annotation, and a panic in a woven body reports the body's original
// line, in the user's file.
func TestPositions(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs programs")
	}
	dir := goldenModule(t)
	weaveInto(t, dir, "bad", "example.com/golden/bad", false, `package bad

import "context"

type S struct{}

//mellea:hook streaming
func (s S) Run(ctx context.Context) error {
	return nil
}
`)
	out, err := goCmdErr(dir, "build", "./bad")
	if err == nil || !regexp.MustCompile(`(?m)^bad[/\\]bad\.go:7:1: .*S does not implement hooks\.StreamingSubject`).Match(out) {
		t.Errorf("build of a wrong subject: %v, want an error at the annotation, bad/bad.go:7:1:\n%s", err, out)
	}

	weaveInto(t, dir, "prog", "main", true, `package main

import (
	"context"
	"fmt"

	"github.com/hookweave/hookweave/hooks"
)

type job struct{}

func (job) ComponentStart() hooks.ComponentPayload      { return hooks.ComponentPayload{} }
func (job) ComponentEnd(error) hooks.ComponentPayload { return hooks.ComponentPayload{} }

//mellea:hook component
func (j job) Run(ctx context.Context) (string, error) {
	fmt.Println("running")
	panic("boom") // line 18
}

func main() { job{}.Run(context.Background()) }
`)
	goCmd(t, dir, "build", "-o", "prog.exe", "./prog")
	out, err = exec.Command(filepath.Join(dir, "prog.exe")).CombinedOutput()
	if err == nil {
		t.Fatalf("the program did not panic:\n%s", out)
	}
	if !regexp.MustCompile(`panic: boom`).Match(out) || !regexp.MustCompile(`\s`+regexp.QuoteMeta(filepath.Join(dir, "prog", "prog.go"))+`:18 `).Match(out) {
		t.Errorf("want the panic at prog/prog.go:18:\n%s", out)
	}
	if regexp.MustCompile(`\.go:0 `).Match(out) {
		t.Errorf("a frame points at generated code:\n%s", out)
	}
}

// TestSpanPositions builds woven spans with the compiler and runs them: a
// compile error in the body of a span's function is reported once, at
// its line, though the body is compiled twice (the function and its
// traced copy); a panic in the body reports the body's line, whether a
// plugin listens (the traced copy runs, and the stack names it) or not.
func TestSpanPositions(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs programs")
	}
	dir := goldenModule(t)
	weaveInto(t, dir, "badspan", "example.com/golden/badspan", false, `package badspan

import "context"

//mellea:hook span
func count(ctx context.Context, _ int) int {
	return "three" // line 7
}
`)
	out, err := goCmdErr(dir, "build", "./badspan")
	if n := len(regexp.MustCompile(`(?m)^badspan[/\\]badspan\.go:7:9: .*"three"`).FindAll(out, -1)); err == nil || n != 1 {
		t.Errorf("build of a wrong span body: %v, want one error at badspan/badspan.go:7:9, got %d:\n%s", err, n, out)
	}

	weaveInto(t, dir, "spanprog", "main", true, `package main

import (
	"context"
	"os"

	"github.com/hookweave/hookweave/hooks"
)

//mellea:hook span
func (p *prog) run(ctx context.Context, _ string) error {
	panic("boom") // line 12
}

type prog struct{}

func main() {
	if len(os.Args) > 1 {
		hooks.Register("listen", map[hooks.Hook]hooks.Handler{hooks.SpanStart: func(context.Context, hooks.Payload) hooks.Result { return hooks.Result{} }})
	}
	new(prog).run(context.Background(), "x")
}
`)
	goCmd(t, dir, "build", "-o", "spanprog.exe", "./spanprog")
	file := regexp.QuoteMeta(filepath.Join(dir, "spanprog", "spanprog.go"))
	for _, args := range [][]string{nil, {"listen"}} {
		out, err = exec.Command(filepath.Join(dir, "spanprog.exe"), args...).CombinedOutput()
		if err == nil {
			t.Fatalf("%v: the program did not panic:\n%s", args, out)
		}
		if !regexp.MustCompile(`panic: boom`).Match(out) || !regexp.MustCompile(`(?m)\s`+file+`:12( |$)`).Match(out) {
			t.Errorf("%v: want the panic at spanprog/spanprog.go:12:\n%s", args, out)
		}
		traced := regexp.MustCompile(`(?m)^main\.\(\*prog\)\._hookweave_span1_run\(`).Match(out)
		if listening := args != nil; traced != listening {
			t.Errorf("%v: the stack names the traced copy: %v, want %v:\n%s", args, traced, listening, out)
		}
		if listening := args != nil; listening && !regexp.MustCompile(`(?m)\s`+file+`:10( |$)`).Match(out) {
			t.Errorf("%v: want the guard's call of the copy at the annotation, spanprog/spanprog.go:10:\n%s", args, out)
		}
		if regexp.MustCompile(`\.go:0 `).Match(out) {
			t.Errorf("%v: a frame points at generated code:\n%s", args, out)
		}
	}
}

// weaveInto weaves src as dir/<name>/<name>.go, named by its absolute path
// as the toolexec mode names it.
func weaveInto(t *testing.T, dir, name, importPath string, isMain bool, src string) {
	t.Helper()
	file := filepath.Join(dir, name, name+".go")
	res, err := testConfig.Package(importPath, []File{{Name: file, Src: []byte(src)}}, isMain)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, file, res.Files[0].Src)
}

func goCmdErr(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(cmd.Environ(), goEnv(dir)...)
	return cmd.CombinedOutput()
}
