package build

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

type comparison struct {
	name string
	run  func() error
}

func comparisons(b *bench) []comparison {
	return []comparison{
		{"woven", b.compareWoven},
		{"unrelated", b.compareUnrelated},
	}
}

// compareWoven: the fixture built woven, against the same program built
// plain with the plugin set imported as an ordinary package.
func (b *bench) compareWoven() error {
	dir := filepath.Join(b.tmp, "woven")
	if err := b.fixture(dir); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "app", "plugins.go"), []byte(baselinePlugins), 0o644); err != nil {
		return err
	}
	base := build{dir: dir, pkg: "./app", flags: []string{"-tags=bench_baseline"}}
	woven := b.woven(dir, "./app")
	plugins, std, err := b.cold(build{dir: dir, pkg: "github.com/hookweave/hookweave/telemetry/plugins"}, build{dir: dir, pkg: "fmt"})
	if err != nil {
		return err
	}
	b.reportOne("plugin set alone, cold (scale)", plugins)
	b.reportOne("fmt alone, cold (scale)", std)
	return b.compare("woven vs plain+plugins", base, woven, 1.15, 1.05)
}

const baselinePlugins = `//go:build bench_baseline

package main

import _ "github.com/hookweave/hookweave/telemetry/plugins"
`

// compareUnrelated: a ~200-package program that does not use hookweave.
func (b *bench) compareUnrelated() error {
	dir := filepath.Join(b.tmp, "unrelated")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for name, src := range map[string]string{"go.mod": "module example.com/unrelated\n\ngo 1.26.0\n", "main.go": unrelatedMain} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			return err
		}
	}
	base := build{dir: dir, pkg: "."}
	pass := b.woven(dir, ".")
	return b.compare("unrelated (pass-through)", base, pass, 1.03, 1.05)
}

const unrelatedMain = `package main

import (
	"crypto/tls"
	"database/sql"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/mail"
	"net/smtp"
	"os/exec"
	"text/template"
)

func main() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		json.NewEncoder(w).Encode(map[string]string{"ok": "yes"})
	}))
	defer srv.Close()
	_ = tls.Config{}
	_, _ = sql.Open("none", "")
	_, _ = xml.Marshal(struct{ A int }{1})
	_, _ = mail.ParseAddress("a@b.c")
	_ = smtp.PlainAuth
	_ = exec.Command
	template.Must(template.New("t").Parse("{{.}}"))
	fmt.Println(srv.URL != "")
}
`

// fixture copies testdata/mod into dir with a replace to the repository.
func (b *bench) fixture(dir string) error {
	src := filepath.Join(b.root, "testdata", "mod")
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		os.MkdirAll(filepath.Dir(filepath.Join(dir, rel)), 0o755)
		return os.WriteFile(filepath.Join(dir, rel), data, 0o644)
	})
	if err != nil {
		return fmt.Errorf("copying the fixture: %w", err)
	}
	gomod, _ := os.ReadFile(filepath.Join(dir, "go.mod"))
	gomod = append(gomod, "\nreplace github.com/hookweave/hookweave => "+b.root+"\n"...)
	sum, err := os.ReadFile(filepath.Join(b.root, "go.sum"))
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "go.mod"), []byte(strings.TrimSpace(string(gomod))+"\n"), 0o644)
}
