package toolexec

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestArchiveMemberRoundTrip(t *testing.T) {
	for _, size := range []int{3, 4} { // odd and even member sizes need padding or not
		path := filepath.Join(t.TempDir(), "pkg.a")
		first := arMagic + "__.PKGDEF       0           0     0     644     3         `\nabc\n"
		if err := os.WriteFile(path, []byte(first), 0o644); err != nil {
			t.Fatal(err)
		}
		data := []byte("woven\ninject example.com/p\n")[:len("woven\n")+size]
		if err := appendMember(path, memberName, data); err != nil {
			t.Fatal(err)
		}
		if err := appendMember(path, "other", []byte("x")); err != nil {
			t.Fatal(err)
		}
		got, err := readMember(path, memberName)
		if err != nil || string(got) != string(data) {
			t.Fatalf("readMember = %q, %v; want %q", got, err, data)
		}
		if got, _ := readMember(path, "other"); string(got) != "x" {
			t.Fatalf("member after a padded one = %q, want %q", got, "x")
		}
		if got, _ := readMember(path, "absent"); got != nil {
			t.Fatalf("absent member = %q, want nil", got)
		}
	}
}

func TestRecord(t *testing.T) {
	in := []string{"a/b", "c"}
	if got := decodeRecord(encodeRecord(in)); !slices.Equal(got, in) {
		t.Fatalf("decodeRecord(encodeRecord(%q)) = %q", in, got)
	}
}

func TestBuildFlags(t *testing.T) {
	for _, tc := range []struct {
		verb string
		args []string
		want []string
	}{
		{"build", []string{"-race", "-o", "x", "-tags", "a,b", "-trimpath", "./cmd"}, []string{"-race", "-tags=a,b", "-trimpath"}},
		{"test", []string{"-run", "-race", "./...", "-cover", "-count=1", "-mod=vendor"}, []string{"-cover", "-mod=vendor"}},
		{"run", []string{"-race", ".", "-tags", "x"}, []string{"-race"}},
		{"build", []string{"--gcflags=all=-N -l", "-ldflags", "-s"}, []string{"-gcflags=all=-N -l"}},
	} {
		if got := buildFlags(tc.verb, tc.args); !slices.Equal(got, tc.want) {
			t.Errorf("buildFlags(%s, %q) = %q, want %q", tc.verb, tc.args, got, tc.want)
		}
	}
}

func TestSkipChdir(t *testing.T) {
	if got := skipChdir([]string{"-C", "d", "build"}); !slices.Equal(got, []string{"build"}) {
		t.Fatalf("skipChdir = %q", got)
	}
	if got := skipChdir([]string{"-C=d", "test"}); !slices.Equal(got, []string{"test"}) {
		t.Fatalf("skipChdir = %q", got)
	}
}

func TestProvenance(t *testing.T) {
	const mod = "github.com/hookweave/hookweave"
	root := t.TempDir()
	write := func(rel, s string) {
		p := filepath.Join(root, rel)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("GOWORK", "off")
	write("a/go.mod", "module example.com/a\n\nrequire (\n\t"+mod+" v1.2.3 // indirect\n)\n")
	if got := findProvenance(filepath.Join(root, "a"), mod); got.version != mod+"@v1.2.3" || got.dir != "" {
		t.Errorf("versioned: %+v", got)
	}
	write("b/go.mod", "module example.com/b\nrequire "+mod+" v0.0.0\nreplace "+mod+" => ../hw\n")
	if got := findProvenance(filepath.Join(root, "b", "sub"), mod); got.dir != filepath.Join(root, "hw") {
		t.Errorf("replaced: %+v", got)
	}
	write("c/go.mod", "module "+mod+"\n")
	if got := findProvenance(filepath.Join(root, "c"), mod); got.dir != filepath.Join(root, "c") {
		t.Errorf("main module: %+v", got)
	}
	write("d/go.mod", "module example.com/d\n")
	if got := findProvenance(filepath.Join(root, "d"), mod); got != (provenance{}) {
		t.Errorf("unrelated: %+v", got)
	}
	t.Setenv("GOWORK", "")
	write("w/go.work", "go 1.26\nuse (\n\t./d\n\t../c\n)\n")
	write("w/d/go.mod", "module example.com/d\n")
	if got := findProvenance(filepath.Join(root, "w", "d"), mod); got.dir != filepath.Join(root, "c") {
		t.Errorf("workspace: %+v", got)
	}
}

func TestFindBuildID(t *testing.T) {
	head := []byte("junk\xff Go build ID: \"abc/def\"\n \xffmore")
	if got := findBuildID(head); got != "abc/def" {
		t.Fatalf("findBuildID = %q", got)
	}
	if got := findBuildID([]byte("none")); got != "" {
		t.Fatalf("findBuildID without one = %q", got)
	}
}

func TestFindBuildIDInELFNote(t *testing.T) {
	note := []byte("\x7fELF....\x04\x00\x00\x00\x07\x00\x00\x00\x04\x00\x00\x00Go\x00\x00abc/def\x00rest")
	if got := findBuildID(note); got != "abc/def" {
		t.Fatalf("findBuildID = %q", got)
	}
}

func TestExecutableIDIsTheBuildID(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	id, err := executableID(exe)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(id, "buildid ") || strings.Count(id, "/") < 1 {
		t.Fatalf("executableID = %q, want the build ID read from the head of the file", id)
	}
}

func TestFindUpCleansDir(t *testing.T) {
	root := t.TempDir()
	sub := filepath.Join(root, "sub")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(sub, "go.mod"), []byte("module x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := findUp(sub+"/..", "go.mod"); got != "" {
		t.Fatalf("findUp(%q) = %q, want none: the directory is the parent of sub", sub+"/..", got)
	}
}

func TestToolVersionIsCachedByStamp(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	tool := filepath.Join(t.TempDir(), "compile")
	script := func(v string) {
		if err := os.WriteFile(tool, []byte("#!/bin/sh\necho compile version "+v+"\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	script("go1")
	for range 2 {
		if line, code := toolVersion(tool); code != 0 || line != "compile version go1\n" {
			t.Fatalf("toolVersion = %q, %d", line, code)
		}
	}
	script("go1.1") // a new tool: another size
	if line, _ := toolVersion(tool); line != "compile version go1.1\n" {
		t.Fatalf("after the tool changed, toolVersion = %q", line)
	}
}

// TestToolVersionIsKeyedByGOEXPERIMENT: compile's line names the
// experiments on, so a build with another GOEXPERIMENT must not get the
// cached line of the last one (its objects would share cache keys).
func TestToolVersionIsKeyedByGOEXPERIMENT(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	tool := filepath.Join(t.TempDir(), "compile")
	script := "#!/bin/sh\necho \"compile version go1 X:$GOEXPERIMENT\"\n"
	if err := os.WriteFile(tool, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, exp := range []string{"", "fieldtrack", "", "fieldtrack"} {
		t.Setenv("GOEXPERIMENT", exp)
		if line, code := toolVersion(tool); code != 0 || line != "compile version go1 X:"+exp+"\n" {
			t.Fatalf("GOEXPERIMENT=%s: toolVersion = %q, %d", exp, line, code)
		}
	}
}
