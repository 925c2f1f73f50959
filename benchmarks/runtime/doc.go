// Package runtime holds the runtime benchmarks of validated streaming:
// how its cost scales with the reply's length, what a chunk costs against
// a bare loop, what an attempt of a retried stream costs against a fresh
// stream, what woven telemetry costs against the same telemetry written
// inline with OpenTelemetry, and what many concurrent streams hold.
// make bench-runtime runs them through internal/cmd/benchruntime (plain
// and woven test binaries, alternating) and prints their ratios; package
// build holds the build benchmarks, run by make bench the same way.
package runtime
