package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hookweave/hookweave/cmd/hookweave/internal/scripttest"
)

// warmUpConfigs are the woven builds of the fixture's program that more
// than one script makes: the default, -race and -trimpath. Each compiles
// the standard library, the plugin set and their dependencies anew under
// hookweave's identity.
var warmUpConfigs = [][]string{nil, {"-race"}, {"-trimpath"}}

// warmUpFor returns the configurations of warmUpConfigs that at least two
// of the scripts build (texts: the selected scripts' sources): the default
// whenever two scripts are selected, a flag's when two scripts pass it. A
// configuration only one script builds gains nothing from a warm-up, and
// costs minutes on a cold cache when, say, CI runs two scripts alone.
func warmUpFor(texts []string) [][]string {
	var out [][]string
	for _, flags := range warmUpConfigs {
		n := 0
		for _, t := range texts {
			if len(flags) == 0 || strings.Contains(t, flags[0]) {
				n++
			}
		}
		if n >= 2 {
			out = append(out, flags)
		}
	}
	return out
}

// selectedScripts returns the sources of the scripts in dir that the
// test's -run pattern selects below TestScript (all of them when it names
// none), matched as the testing package matches subtest names.
func selectedScripts(t *testing.T, dir string) []string {
	files, err := filepath.Glob(filepath.Join(dir, "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	var re *regexp.Regexp
	if f := flag.Lookup("test.run"); f != nil {
		if _, sub, ok := strings.Cut(f.Value.String(), "/"); ok && sub != "" {
			if re, err = regexp.Compile(sub); err != nil {
				t.Fatalf("-run: %v", err)
			}
		}
	}
	var texts []string
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		if re != nil && !re.MatchString(name) {
			continue
		}
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	return texts
}

// warmUp builds the fixture's program woven in each of warmUpConfigs, one
// at a time, into the shared GOCACHE that the scripts use, before they fan
// out. Without it the scripts that start together on a cold cache compile
// the same few hundred packages side by side, each paying for all of them;
// with it they find them compiled. It changes nothing that a script
// asserts: a script still builds everything it runs, through the same
// cache.
func warmUp(t *testing.T, root string, configs [][]string) {
	fetchModuleGraph(t, root)
	if len(configs) == 0 {
		return
	}
	dir := t.TempDir()
	if err := scripttest.WriteFixture(root, dir); err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(), "GOTOOLCHAIN=local", "GOPROXY=off", "GOFLAGS=-mod=mod")
	for _, flags := range configs {
		args := append([]string{"build", "-toolexec=hookweave", "-o", os.DevNull}, flags...)
		args = append(args, "./app")
		cmd := exec.Command("go", args...)
		cmd.Dir = dir
		cmd.Env = env
		start := time.Now()
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("warm-up: go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		t.Logf("warm-up: go %s: %s", strings.Join(args, " "), time.Since(start).Round(100*time.Millisecond))
	}
}

// fetchModuleGraph puts into the module cache the go.mod file of every
// module in hookweave's whole module graph, through the caller's GOPROXY.
// The scripts run offline (GOPROXY=off) on that cache. A build in the
// repository reads only its pruned graph, but a script whose build loads
// the whole graph (a go.work workspace with the fixture and hookweave)
// needs go.mod files that no other test downloads: on a fresh machine,
// stdr v1.2.2's requirement on logr v1.2.2. go mod graph reads them all,
// and downloads only go.mod files.
func fetchModuleGraph(t *testing.T, root string) {
	cmd := exec.Command("go", "mod", "graph")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOTOOLCHAIN=local", "GOFLAGS=-mod=mod")
	cmd.Stdout = io.Discard
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		t.Fatalf("warm-up: go mod graph (the scripts run offline on the module cache; this fetches the go.mod files they need): %v\n%s", err, stderr.String())
	}
	t.Logf("warm-up: go mod graph: %s", time.Since(start).Round(100*time.Millisecond))
}

func TestWarmUpFor(t *testing.T) {
	plain := "go build -toolexec=hookweave ./app"
	race := "go build -race -toolexec=hookweave ./app"
	trim := "go build -trimpath -toolexec=hookweave ./app"
	for _, tc := range []struct {
		name  string
		texts []string
		want  string
	}{
		{"every script", []string{plain, race, race, trim, trim}, "[[] [-race] [-trimpath]]"},
		{"one script", []string{race}, "[]"},
		{"two scripts, one with -trimpath", []string{plain, trim}, "[[]]"},
		{"two with -race", []string{race, race}, "[[] [-race]]"},
	} {
		if got := fmt.Sprint(warmUpFor(tc.texts)); got != tc.want {
			t.Errorf("%s: warm-up %s, want %s", tc.name, got, tc.want)
		}
	}
}
