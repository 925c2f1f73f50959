// Package purehooks defines an Analyzer that keeps the hooks and
// annotations packages free of third-party imports.
//
// # Analyzer purehooks
//
// purehooks: check that the packages under hooks and annotations import only the standard library
//
// Package hooks is what the library calls and the telemetry plugins
// implement; package annotations is the //mellea:hook grammar that the
// weaver and the lint share. Both have zero dependencies, so that the
// library pulls in nothing with them. The analyzer reports each import of
// a package outside the standard library, on its import spec:
//
//	hooks must import only the standard library, not go.opentelemetry.io/otel
//
// A package may import another of its own tree (hooks/hookstest imports
// hooks), whose imports are checked in turn; not one of another tree
// (annotations may not import hooks). So only direct imports need
// checking: the standard library imports only itself. A package is in the standard library when the first element of
// its path has no dot, as cmd/go decides, unless it is in the module.
//
// The -trees flag lists the trees, comma-separated, relative to the module
// of the package checked (hooks,annotations by default). Generated files
// are checked like the others. Test files (_test.go) are not: no importer
// compiles them, so a test may use a test-only helper such as goleak
// without adding a dependency to the package.
package purehooks
