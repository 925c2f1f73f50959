// Package runtimebench holds the runtime benchmarks of validated streaming:
// how its cost scales with the reply's length, what a chunk costs against
// a bare loop, what an attempt of a retried stream costs against a fresh
// stream, what woven telemetry costs against the same telemetry written
// inline with OpenTelemetry, and what many concurrent streams hold.
// make bench-runtime runs them (plain and woven) and prints their ratios.
package runtimebench
