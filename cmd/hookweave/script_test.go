package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/hookweave/hookweave/cmd/hookweave/internal/scripttest"
	"github.com/rogpeppe/go-internal/gotooltest"
	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the scripts run hookweave as a command, through the same
// Main as the installed binary: testscript.Main copies the test binary onto
// the scripts' PATH as hookweave, so -toolexec=hookweave is exactly what a
// user runs.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"hookweave": func() { os.Exit(Main(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScript runs the end-to-end scripts in testdata/script. Scripts that
// build real programs carry [short] skip guards. They run offline: the
// module cache is the host's (read-only use), GOPROXY is off.
func TestScript(t *testing.T) {
	root := repoRoot(t)
	dir := filepath.Join("testdata", "script")
	if !testing.Short() {
		warmUp(t, root, warmUpFor(selectedScripts(t, dir)))
	}
	p := testscript.Params{
		Dir:                 dir,
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("HOOKWEAVE_ROOT", root)
			env.Setenv("GOTOOLCHAIN", "local")
			env.Setenv("GOPROXY", "off")
			env.Setenv("GOFLAGS", "-mod=mod")
			for _, k := range []string{"GOCACHE", "GOMODCACHE"} {
				v, err := scripttest.GoEnv(k)
				if err != nil {
					return err
				}
				env.Setenv(k, v)
			}
			bin, err := exec.LookPath("hookweave") // installed by testscript.Main
			if err != nil {
				return err
			}
			env.Setenv("HOOKWEAVE_BIN", bin)
			env.Values[otlpKey{}] = &otlpReceiver{}
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"fixture":       cmdFixture,
			"setenv-stdout": cmdSetenvStdout,
			"otlp":          cmdOTLP,
			"nmdiff":        cmdNMDiff,
		},
	}
	if err := gotooltest.Setup(&p); err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, p)
}

// cmdFixture copies the fixture module testdata/mod into the current
// directory, keeping files the script provides, and points its hookweave
// requirement at the repository: fixture
func cmdFixture(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 0 {
		ts.Fatalf("usage: fixture")
	}
	ts.Check(scripttest.WriteFixture(ts.Getenv("HOOKWEAVE_ROOT"), ts.MkAbs(".")))
}

// cmdSetenvStdout sets an environment variable to the previous command's
// standard output, trimmed: setenv-stdout NAME
func cmdSetenvStdout(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: setenv-stdout NAME")
	}
	ts.Setenv(args[0], strings.TrimSpace(ts.ReadFile("stdout")))
}

func repoRoot(t *testing.T) string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("cannot locate the repository root")
	}
	return filepath.Join(filepath.Dir(file), "..", "..")
}
