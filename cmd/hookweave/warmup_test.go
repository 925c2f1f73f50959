package main

import (
	"io"
	"os"
	"os/exec"
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

// warmUp builds the fixture's program woven in each of warmUpConfigs, one
// at a time, into the shared GOCACHE that the scripts use, before they fan
// out. Without it the scripts that start together on a cold cache compile
// the same few hundred packages side by side, each paying for all of them;
// with it they find them compiled. It changes nothing that a script
// asserts: a script still builds everything it runs, through the same
// cache.
func warmUp(t *testing.T, root string) {
	fetchModuleGraph(t, root)
	dir := t.TempDir()
	if err := scripttest.WriteFixture(root, dir); err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(), "GOTOOLCHAIN=local", "GOPROXY=off", "GOFLAGS=-mod=mod")
	for _, flags := range warmUpConfigs {
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
