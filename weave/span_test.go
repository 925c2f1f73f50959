package weave

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestSpanBehavesAsWritten builds testdata/spanbehave plain and woven and
// runs both: the program's own output is the same (results, shadowed
// results, the body's recover, recursion, a panic, runtime.Goexit, a
// deferred function that recovers, blank and variadic parameters), and
// woven, each call of an annotated function is one span, nested where it
// was called, ended once with its outcome.
func TestSpanBehavesAsWritten(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs programs")
	}
	src, err := os.ReadFile(filepath.Join("testdata", "spanbehave", "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	dir := goldenModule(t)
	writeFile(t, filepath.Join(dir, "plain", "plain.go"), src)
	weaveInto(t, dir, "woven", "main", true, string(src))
	plainOut, plainErr := runProgram(t, dir, "plain")
	wovenOut, wovenErr := runProgram(t, dir, "woven")
	if plainOut != wovenOut {
		t.Errorf("standard output differs\nplain:\n%s\nwoven:\n%s", plainOut, wovenOut)
	}
	if plainErr != "" {
		t.Errorf("the plain build traced:\n%s", plainErr)
	}
	want := `start (*store).get main.(*store).get woven.go:30
end (*store).get err=<nil> kind=
start (*store).get main.(*store).get woven.go:30
end (*store).get err=missing b kind=_OTHER
start list.push main.(*List[...]).Push woven.go:45
end list.push err=<nil> kind=
start List[...].Len main.List[...].Len woven.go:51
end List[...].Len err=<nil> kind=
start Map[...] main.Map[...] woven.go:54
end Map[...] err=three kind=_OTHER
start safe main.safe woven.go:67
end safe err=recovered: inner kind=_OTHER
start fact main.fact woven.go:78
  start fact main.fact woven.go:78
    start fact main.fact woven.go:78
    end fact err=<nil> kind=
  end fact err=<nil> kind=
end fact err=<nil> kind=
start boom main.boom woven.go:86
end boom err=panic: boom kind=PanicError
start quit main.quit woven.go:89
end quit err=<nil> kind=
start catch main.catch woven.go:98
end catch err=<nil> kind=
start (*counter).sum main.(*counter).sum woven.go:115
end (*counter).sum err=<nil> kind=
`
	if wovenErr != want {
		t.Errorf("woven spans\n%s\nwant\n%s", wovenErr, want)
	}
	for _, line := range []string{"1 <nil>", "! missing b", "<nil> 1", "[10 20] three", "recovered: inner", "6", "recovered boom", "goroutine exited", "caught: guarded", "10"} {
		if !strings.Contains(plainOut, line+"\n") {
			t.Errorf("the program did not print %q:\n%s", line, plainOut)
		}
	}
	if strings.Contains(plainOut, "after Goexit") {
		t.Errorf("a goroutine went on after Goexit:\n%s", plainOut)
	}
}

// runProgram builds and runs dir/name and returns its standard output and
// error.
func runProgram(t *testing.T, dir, name string) (stdout, stderr string) {
	t.Helper()
	exe := filepath.Join(dir, name+".exe")
	goCmd(t, dir, "build", "-o", exe, "./"+name)
	cmd := exec.Command(exe)
	var out, errOut strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v\n%s", name, err, errOut.String())
	}
	return out.String(), errOut.String()
}
