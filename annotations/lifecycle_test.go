package annotations_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hookweave/hookweave/annotations"
	"github.com/hookweave/hookweave/hooks"
)

// TestLifecyclesMatchHooks ties the lifecycles the grammar knows to package
// hooks, which the woven code calls: each Begin is a function of hooks, each
// Subject an interface (or none, for a lifecycle without subject=), each
// hook name one of hooks.Hooks(); and together the lifecycles fire every
// hook but those called explicitly.
func TestLifecyclesMatchHooks(t *testing.T) {
	decls := hooksDecls(t)
	names := map[string]bool{}
	for _, h := range hooks.Hooks() {
		names[h.String()] = true
	}
	var fired []string
	for _, lc := range annotations.Lifecycles() {
		if decls[lc.Begin] != "func" {
			t.Errorf("%s: Begin %s is not a function of package hooks", lc.Name, lc.Begin)
		}
		switch {
		case lc.Subject == "" && slices.Contains(lc.Keys, "subject"):
			t.Errorf("%s: takes subject= but has no Subject", lc.Name)
		case lc.Subject != "" && decls[lc.Subject] != "interface":
			t.Errorf("%s: Subject %s is not an interface of package hooks", lc.Name, lc.Subject)
		}
		for _, h := range slices.Concat(lc.StartHooks, lc.EndHooks) {
			if !names[h] {
				t.Errorf("%s: hook %q is not one of hooks.Hooks()", lc.Name, h)
			}
			fired = append(fired, h)
		}
	}
	explicit := []string{hooks.SessionReset.String(), hooks.StreamingEvent.String(), hooks.GenerationEvent.String()}
	for name := range names {
		if !slices.Contains(fired, name) && !slices.Contains(explicit, name) {
			t.Errorf("hook %q is fired by no lifecycle and is not called explicitly", name)
		}
	}
}

// hooksDecls returns the exported top-level functions ("func") and
// interfaces ("interface") of package hooks, read from its source.
func hooksDecls(t *testing.T) map[string]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "hooks", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	decls := map[string]string{}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil {
					decls[d.Name.Name] = "func"
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					if ts, ok := s.(*ast.TypeSpec); ok {
						if _, ok := ts.Type.(*ast.InterfaceType); ok {
							decls[ts.Name.Name] = "interface"
						}
					}
				}
			}
		}
	}
	return decls
}
