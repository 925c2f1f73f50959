package weave

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

const (
	hooksPath   = "github.com/hookweave/hookweave/hooks"
	goldenMod   = "example.com/golden"
	pluginsPath = goldenMod + "/plugins"
)

var testConfig = &Config{
	HooksPath: hooksPath,
	Plugins:   []string{pluginsPath},
	NoPlugins: []string{"github.com/hookweave/hookweave/stdlib"},
}

// cases returns the names of the golden cases: testdata/<name>.input.go.
func cases(t *testing.T) []string {
	t.Helper()
	inputs, err := filepath.Glob(filepath.Join("testdata", "*.input.go"))
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no inputs: %v", err)
	}
	var names []string
	for _, in := range inputs {
		names = append(names, strings.TrimSuffix(filepath.Base(in), ".input.go"))
	}
	return names
}

// weaveCase weaves testdata/<name>.input.go as the file <name>.go of the
// package example.com/golden/<name>; package main as a binary's main.
func weaveCase(t *testing.T, name string) []byte {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", name+".input.go"))
	if err != nil {
		t.Fatal(err)
	}
	isMain := bytes.Contains(src, []byte("\npackage main\n"))
	res, err := testConfig.Package(goldenMod+"/"+name, []File{{Name: name + ".go", Src: src}}, isMain)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Changed {
		t.Fatalf("%s: nothing woven", name)
	}
	return res.Files[0].Src
}

// TestGolden compares the woven inputs with testdata/<name>.golden;
// go test ./weave -update rewrites them.
func TestGolden(t *testing.T) {
	for _, name := range cases(t) {
		t.Run(name, func(t *testing.T) {
			got := weaveCase(t, name)
			golden := filepath.Join("testdata", name+".golden")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("woven %s differs from %s (go test ./weave -update rewrites it):\n%s", name, golden, got)
			}
		})
	}
}

// TestGoldenCompiles builds every golden file with the go command, each as
// a package of a module that takes hooks from this repository: the woven
// code and its /*line*/ directives are valid for the compiler.
func TestGoldenCompiles(t *testing.T) {
	if testing.Short() {
		t.Skip("builds packages")
	}
	dir := goldenModule(t)
	for _, name := range cases(t) {
		src, err := os.ReadFile(filepath.Join("testdata", name+".golden"))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, name, name+".go"), src)
	}
	goCmd(t, dir, "build", "./...")
	goCmd(t, dir, "vet", "./...")
}

// goldenModule writes a module example.com/golden with a stub plugin set
// and returns its directory.
func goldenModule(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "go.mod"), []byte("module "+goldenMod+"\n\ngo 1.26.0\n\nrequire github.com/hookweave/hookweave v0.0.0\n\nreplace github.com/hookweave/hookweave => "+root+"\n"))
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "go.sum"), sum)
	writeFile(t, filepath.Join(dir, "plugins", "plugins.go"), []byte("// Package plugins stands for the plugin set.\npackage plugins\n"))
	writeOSOverlay(t, dir)
	return dir
}

// writeOSOverlay writes dir/overlay.json, which gives the go command
// package os as woven builds compile it, with its exit hook, so that
// woven mains link (goCmd uses it).
func writeOSOverlay(t *testing.T, dir string) {
	t.Helper()
	osDir := filepath.Join(goroot(t), "src", "os")
	names, err := filepath.Glob(filepath.Join(osDir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var files []File
	for _, n := range names {
		src, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(src, []byte("\nfunc Exit(")) {
			files = append(files, File{Name: n, Src: src})
		}
	}
	res, err := OS(files)
	if err != nil {
		t.Fatal(err)
	}
	replace := map[string]string{}
	out := t.TempDir()
	for _, f := range append(res.Files, res.Extra...) {
		woven := filepath.Join(out, filepath.Base(f.Name))
		writeFile(t, woven, f.Src)
		replace[filepath.Join(osDir, filepath.Base(f.Name))] = woven
	}
	data, err := json.Marshal(map[string]any{"Replace": replace})
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "overlay.json"), data)
}

func writeFile(t *testing.T, name string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// goroot returns the go command's GOROOT.
func goroot(t testing.TB) string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatalf("go env GOROOT: %v", err)
	}
	return strings.TrimSpace(string(out))
}

// goEnv is the environment of the go command in a golden module dir:
// offline, with the woven package os.
func goEnv(dir string) []string {
	return []string{"GOTOOLCHAIN=local", "GOPROXY=off", "GOFLAGS=-mod=mod -overlay=" + filepath.Join(dir, "overlay.json"), "GOWORK=off"}
}

// goCmd runs the go command in dir, offline, and returns its output.
func goCmd(t *testing.T, dir string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), goEnv(dir)...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}
