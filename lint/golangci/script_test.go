package golangci_test

import (
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/gotooltest"
	"github.com/rogpeppe/go-internal/testscript"
)

// TestScript runs the scripts in testdata/script, which build a custom
// golangci-lint with the plugin and lint modules with it. They carry
// [short] skip: a cold build takes minutes.
func TestScript(t *testing.T) {
	root := repoRoot(t)
	p := testscript.Params{
		Dir:                 filepath.Join("testdata", "script"),
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("HOOKWEAVE_ROOT", root)
			env.Setenv("GOTOOLCHAIN", "local")
			env.Setenv("GOPROXY", "off")
			env.Setenv("GOLANGCI_LINT_CACHE", filepath.Join(env.WorkDir, ".golangci-cache"))
			for _, k := range []string{"GOCACHE", "GOMODCACHE"} {
				v, err := goEnv(k)
				if err != nil {
					return err
				}
				env.Setenv(k, v)
			}
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"custom-gcl": cmdCustomGCL,
		},
	}
	if err := gotooltest.Setup(&p); err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, p)
}

// goEnv returns the go command's value of key, as the host has it: the
// scripts run with HOME=/no-home, where the defaults would not exist.
func goEnv(key string) (string, error) {
	out, err := exec.Command("go", "env", key).Output()
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(out)), nil
}

func repoRoot(t *testing.T) string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("cannot locate the repository root")
	}
	return filepath.Join(filepath.Dir(file), "..", "..")
}
