// Package notelemetry defines an Analyzer that keeps the library free of
// telemetry: no package under stdlib imports a package under telemetry or
// OpenTelemetry, directly or transitively.
//
// # Analyzer notelemetry
//
// notelemetry: check that no package under a tree imports a package under a forbidden tree, directly or transitively
//
// The library (stdlib) knows nothing of OpenTelemetry: hookweave weaves the
// telemetry plugins in at build time, so a plain build links none of it. An
// import of the telemetry tree from stdlib, even through packages in
// between, would link it into every program. The analyzer reports such an
// import on its import spec, with the chain of imports that leads to the
// forbidden tree:
//
//	stdlib/a must not import telemetry (via stdlib/a -> stdlib/b -> telemetry/otel)
//
// The chain is the shortest one through that import, to the nearest package
// of the tree. Paths in the module are written relative to it.
//
// The -forbid flag lists the pairs from:to of trees, comma-separated; the
// default is stdlib:telemetry,stdlib:go.opentelemetry.io. A tree whose
// first element has a dot is an import path (go.opentelemetry.io);
// otherwise it is relative to the module of the package checked, so
// stdlib is <module>/stdlib. Trees match whole path elements:
// telemetryx is not under telemetry. When an import leads to several
// forbidden trees, only the first pair in -forbid order is reported.
//
// Every package of a from tree is checked, test files included: the
// in-package tests and the external _test package of a stdlib package may
// not import telemetry either. A test that needs both belongs with
// telemetry. Generated files are checked too: an import links the same
// code whoever wrote it. The main package that go test generates (p.test)
// is skipped: it imports only the test packages, which are checked.
//
// Each package records as a package fact, for every forbidden tree it
// reaches, the chain to the nearest package in it, so the check needs only
// the facts of direct imports: it works the same package by package under
// go vet as over a whole program. Standard-library packages import only
// the standard library; the analyzer returns at once for them.
package notelemetry
