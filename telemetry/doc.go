// Package telemetry is the OpenTelemetry side of hookweave: tracing and
// metrics plugins subscribed to the hooks of package hooks, the typed helpers
// that drive the stream_with_chunking span, the human-readable console
// exporter, and the set-up of providers and exporters from mellea's
// environment switches and the standard OTEL_* variables.
//
// The names it emits (spans, span events, attributes, metrics, units) are
// mellea's, as listed in SPEC.md §4-5; each is defined once in names.go.
//
// Package telemetry may import hooks and OpenTelemetry; it never imports
// stdlib (stdlib must not import it either: the dependency arrows are
// stdlib -> hooks <- telemetry). Woven binaries link it through package
// telemetry/plugins, which registers the configured plugin set at init.
//
// # Spans and nesting
//
// A start hook's tracing handler starts a span and returns a context that
// carries it, both as OpenTelemetry's current span and under a key of this
// package together with the lifecycle's correlation id. The woven code runs
// the rest of the lifecycle under that context and hands it to the end hook,
// which finds its span again by key and id. So spans nest as
// session > action > stream_with_chunking > chat with no table of spans and
// no goroutine-affine state, and concurrent streams never cross.
//
// # Plugin modes
//
// The tracing plugin is an audit plugin of priority 10 (so plugins of the
// default priority see its span in their context); the metrics plugin is an
// audit plugin of the default priority. Both run on the caller's goroutine.
package telemetry
