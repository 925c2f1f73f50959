// Package lintutil holds what hookweave's analyzers share: the extraction of
// an analyzer's documentation from its doc.go, and the matching of import
// paths against the trees the analyzers are configured with.
package lintutil

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
)

// MustExtractDoc returns the section "# Analyzer name" of the package comment
// in src, the text of a doc.go, without its heading and without the
// "name: " before its summary line: the form Analyzer.Doc expects. It
// panics if src has no such section, so a broken doc.go fails at init.
func MustExtractDoc(src, name string) string {
	doc, err := extractDoc(src, name)
	if err != nil {
		panic(err)
	}
	return doc
}

func extractDoc(src, name string) (string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", src, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		return "", err
	}
	text := packageComment(f)
	heading := "# Analyzer " + name + "\n"
	_, section, ok := strings.Cut(text, heading)
	if !ok {
		return "", fmt.Errorf("doc.go of %s has no %q section", name, strings.TrimSpace(heading))
	}
	section, _, _ = strings.Cut(section, "\n# ")
	section = strings.TrimSpace(section)
	summary, ok := strings.CutPrefix(section, name+": ")
	if !ok {
		return "", fmt.Errorf("section %q of doc.go does not begin with %q", strings.TrimSpace(heading), name+": ")
	}
	return summary, nil
}

func packageComment(f *ast.File) string {
	if f.Doc == nil {
		return ""
	}
	return f.Doc.Text()
}
