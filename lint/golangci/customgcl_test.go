package golangci_test

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

// The golangci-lint that the scripts build on, and its module.
const (
	gclVersion = "v2.15.0"
	gclModule  = "github.com/golangci/golangci-lint/v2"
)

// cmdCustomGCL builds the golangci-lint that .custom-gcl.yml in the
// current directory describes, with $VARS expanded, and sets CUSTOM_GCL to
// its path: custom-gcl
//
// The binary is cached in the user's cache directory (hookweave-golangci),
// keyed by the configuration, the Go version and the sources of the
// plugin, so only the first run after a change builds.
func cmdCustomGCL(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 0 {
		ts.Fatalf("usage: custom-gcl")
	}
	b := gclBuild{
		root:   ts.Getenv("HOOKWEAVE_ROOT"),
		config: []byte(os.Expand(ts.ReadFile(".custom-gcl.yml"), ts.Getenv)),
		logf:   ts.Logf,
	}
	bin, err := b.binary()
	ts.Check(err)
	ts.Setenv("CUSTOM_GCL", bin)
}

// gclBuild is the build of one custom golangci-lint.
type gclBuild struct {
	root   string // the repository: the plugin's module
	config []byte // .custom-gcl.yml
	logf   func(format string, args ...any)
}

// binary returns the path of the custom golangci-lint, built unless cached.
func (b gclBuild) binary() (string, error) {
	cache, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	cache = filepath.Join(cache, "hookweave-golangci")
	key, err := b.key()
	if err != nil {
		return "", err
	}
	bin := filepath.Join(cache, "custom-gcl-"+key)
	if _, err := os.Stat(bin); err == nil {
		b.logf("cached: %s", bin)
		return bin, nil
	}
	return bin, b.build(cache, bin)
}

// build runs golangci-lint custom into bin, offline but for the module
// proxy: the clone of golangci-lint that custom makes is redirected to a
// local repository made from the module cache.
func (b gclBuild) build(cache, bin string) error {
	start := time.Now()
	base, err := cached(filepath.Join(cache, "golangci-lint-"+gclVersion+"-"+runtime.Version()), b.installBase)
	if err != nil {
		return fmt.Errorf("golangci-lint %s: %w", gclVersion, err)
	}
	repo, err := cached(filepath.Join(cache, "golangci-lint-"+gclVersion+".git"), localRepo)
	if err != nil {
		return fmt.Errorf("local repository of golangci-lint: %w", err)
	}
	b.logf("golangci-lint %s and its repository ready in %v", gclVersion, time.Since(start).Round(time.Second))
	dir, err := os.MkdirTemp(cache, "custom-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if err := os.WriteFile(filepath.Join(dir, ".custom-gcl.yml"), b.config, 0o644); err != nil {
		return err
	}
	custom := command(dir, base, "custom", "--name", "custom-gcl", "--destination", dir)
	custom.Env = append(custom.Env, redirect(repo)...)
	if err := execute(custom); err != nil {
		return err
	}
	b.logf("custom golangci-lint built in %v", time.Since(start).Round(time.Second))
	return os.Rename(filepath.Join(dir, "custom-gcl"), bin)
}

// redirect returns the environment that makes git clone golangci-lint from
// repo. golangci-lint custom passes GIT_CONFIG_COUNT and its keys to git
// and drops the other GIT_ variables, GIT_CONFIG_GLOBAL among them.
func redirect(repo string) []string {
	return []string{
		"GIT_CONFIG_COUNT=1",
		"GIT_CONFIG_KEY_0=url.file://" + repo + ".insteadOf",
		"GIT_CONFIG_VALUE_0=https://github.com/golangci/golangci-lint.git",
	}
}

// installBase installs golangci-lint as dst: the command that runs custom.
func (b gclBuild) installBase(dst string) error {
	gobin := dst + ".bin"
	defer os.RemoveAll(gobin)
	install := command(b.root, "go", "install", gclModule+"/cmd/golangci-lint@"+gclVersion)
	install.Env = append(install.Env, "GOBIN="+gobin)
	if err := execute(install); err != nil {
		return err
	}
	return os.Rename(filepath.Join(gobin, "golangci-lint"), dst)
}

// localRepo makes dst a git repository of golangci-lint's source from the
// module cache, its one commit tagged with the version.
func localRepo(dst string) error {
	out, err := command("", "go", "mod", "download", "-json", gclModule+"@"+gclVersion).Output()
	if err != nil {
		return fmt.Errorf("go mod download: %w", err)
	}
	var mod struct{ Dir string }
	if err := json.Unmarshal(out, &mod); err != nil {
		return err
	}
	tmp := dst + ".tmp"
	os.RemoveAll(tmp)
	if err := copyTree(mod.Dir, tmp); err != nil {
		return err
	}
	git := []string{"-c", "user.name=hookweave", "-c", "user.email=hookweave@localhost", "-c", "commit.gpgsign=false"}
	for _, args := range [][]string{
		{"init", "-q"},
		{"add", "-A"},
		{"commit", "-q", "-m", "golangci-lint " + gclVersion + " from the module cache"},
		{"tag", gclVersion},
	} {
		if err := execute(command(tmp, "git", append(git, args...)...)); err != nil {
			return err
		}
	}
	return os.Rename(tmp, dst)
}

// cached returns path, made by build unless it exists.
func cached(path string, build func(string) error) (string, error) {
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", err
	}
	return path, build(path)
}

// key hashes what the custom binary is built from: the configuration, the
// versions of golangci-lint and Go, the module's go.mod and go.sum, and the
// files of every package of the module that the plugin is built from.
func (b gclBuild) key() (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%s %s\n%s\n", gclVersion, runtime.Version(), b.config)
	files, err := b.pluginFiles()
	if err != nil {
		return "", err
	}
	for _, f := range append([]string{"go.mod", "go.sum"}, files...) {
		data, err := os.ReadFile(filepath.Join(b.root, f))
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s %d\n%s", f, len(data), data)
	}
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

// pluginFiles lists the Go and embedded files of the module's packages
// that the plugin imports, itself included, relative to the module root.
func (b gclBuild) pluginFiles() ([]string, error) {
	const format = `{{if .Module}}{{if .Module.Main}}{{range .GoFiles}}{{$.Dir}}/{{.}}
{{end}}{{range .EmbedFiles}}{{$.Dir}}/{{.}}
{{end}}{{end}}{{end}}`
	out, err := command(b.root, "go", "list", "-deps", "-f", format, "./lint/golangci").Output()
	if err != nil {
		return nil, fmt.Errorf("go list: %w", err)
	}
	var files []string
	for sc := bufio.NewScanner(bytes.NewReader(out)); sc.Scan(); {
		rel, err := filepath.Rel(b.root, sc.Text())
		if err != nil {
			return nil, err
		}
		files = append(files, rel)
	}
	return files, nil
}

// command returns the command name args in dir, in the host's environment
// (not the script's, which has no network and no home), with the local
// toolchain and no GOFLAGS.
func command(dir, name string, args ...string) *exec.Cmd {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOTOOLCHAIN=local", "GOFLAGS=")
	return cmd
}

// execute runs cmd, with its output in the error when it fails.
func execute(cmd *exec.Cmd) error {
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s: %w\n%s", strings.Join(cmd.Args, " "), err, out)
	}
	return nil
}

// copyTree copies the regular files under from into to, writable.
func copyTree(from, to string) error {
	return filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		return copyFile(p, dst)
	})
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
