package toolexec_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/hookweave/hookweave/cmd/hookweave/internal/scripttest"
	"github.com/rogpeppe/go-internal/gotooltest"
	"github.com/rogpeppe/go-internal/testscript"
)

// TestScript runs testdata/script with fakeweave (the toolexec mode with a
// trivial weaver) on PATH as hookweave, against a fake hookweave module, so
// the mechanism is specified independently of the real rewrite.
func TestScript(t *testing.T) {
	if testing.Short() {
		t.Skip("builds real programs")
	}
	bin := t.TempDir()
	build := exec.Command("go", "build", "-o", filepath.Join(bin, "hookweave"), "./testdata/fakeweave")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building fakeweave: %v\n%s", err, out)
	}
	p := testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
			env.Setenv("GOTOOLCHAIN", "local")
			env.Setenv("GOPROXY", "off")
			env.Setenv("GOFLAGS", "-mod=mod")
			modcache, err := scripttest.GoEnv("GOMODCACHE")
			if err != nil {
				return err
			}
			env.Setenv("GOMODCACHE", modcache)
			return scripttest.CopyMissing("testdata/fixture", env.WorkDir)
		},
	}
	if err := gotooltest.Setup(&p); err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, p)
}
