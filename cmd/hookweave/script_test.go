package main

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the scripts run hookweave as a command, through the same
// Main as the installed binary.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"hookweave": func() { os.Exit(Main(os.Args[1:])) },
	})
}

// TestScript runs the end-to-end scripts in testdata/script. Scripts that
// build real programs carry [short] skip guards.
func TestScript(t *testing.T) {
	root := repoRoot(t)
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join(root, "testdata", "script"),
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("HOOKWEAVE_ROOT", root)
			env.Setenv("GOTOOLCHAIN", "local")
			for _, k := range []string{"HOME", "GOPATH", "GOMODCACHE", "GOCACHE", "GOPROXY", "GOFLAGS", "PATH"} {
				if v, ok := os.LookupEnv(k); ok {
					env.Setenv(k, v)
				}
			}
			return nil
		},
	})
}

func repoRoot(t *testing.T) string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("cannot locate the repository root")
	}
	return filepath.Join(filepath.Dir(file), "..", "..")
}
