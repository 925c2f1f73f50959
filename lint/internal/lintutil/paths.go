package lintutil

import (
	"go/ast"
	"go/types"
	"path"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Module returns the path of the module that holds the package of pass, or
// "" when the driver gives none (the standard library, GOPATH mode).
func Module(pass *analysis.Pass) string {
	if pass.Module == nil {
		return ""
	}
	return pass.Module.Path
}

// TreePath returns the path by which pkg is placed in the trees: its import
// path, without the _test suffix of an external test package, which sits in
// its package's directory.
func TreePath(pkg *types.Package) string {
	if strings.HasSuffix(pkg.Name(), "_test") {
		return strings.TrimSuffix(pkg.Path(), "_test")
	}
	return pkg.Path()
}

// IsStd reports whether an import path names a standard-library package:
// its first element has no dot (the rule cmd/go uses) and it is not in
// module, whose path may have no dot either.
func IsStd(path, module string) bool {
	if module != "" && Under(path, module) {
		return false
	}
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// Resolve returns the import path of a tree as configured: the tree itself
// when its first element has a dot (an import path such as
// go.opentelemetry.io), otherwise the tree under module.
func Resolve(tree, module string) string {
	first, _, _ := strings.Cut(tree, "/")
	if strings.Contains(first, ".") || module == "" {
		return tree
	}
	return module + "/" + tree
}

// IsTree reports whether s can name a tree: a clean slash-separated path,
// not absolute, not above the module, and free of the separators of a list
// of trees or pairs (comma, colon, space), which no import path holds.
func IsTree(s string) bool {
	return s != "" && path.Clean(s) == s && !strings.HasPrefix(s, "/") && s != ".." && !strings.HasPrefix(s, "../") &&
		!strings.ContainsAny(s, ",: \t")
}

// Under reports whether path is tree or inside it, matching whole path
// elements: telemetry/otel is under telemetry, telemetryx is not.
func Under(path, tree string) bool {
	rest, ok := strings.CutPrefix(path, tree)
	return ok && (rest == "" || rest[0] == '/')
}

// Short returns path relative to module when it is inside it, for
// messages; other paths are returned whole.
func Short(path, module string) string {
	if module != "" {
		if rest, ok := strings.CutPrefix(path, module+"/"); ok {
			return rest
		}
	}
	return path
}

// ImportPath returns the path of the package that spec imports: the
// type checker's, which follows vendoring and the build's import map, or
// the literal when the type checker has none (import "C").
func ImportPath(pass *analysis.Pass, spec *ast.ImportSpec) string {
	if name := pass.TypesInfo.PkgNameOf(spec); name != nil {
		return name.Imported().Path()
	}
	path, _ := strconv.Unquote(spec.Path.Value)
	return path
}
