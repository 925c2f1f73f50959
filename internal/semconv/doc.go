// Package semconv holds every name the telemetry emits, one table per
// mellea release, so that the telemetry plugins and the runtime
// benchmark's inline reference take each name from one place: span and
// event names, attribute keys and values, metric names, units,
// descriptions and buckets, and the few rules in which the releases
// differ (which chat spans are CLIENT, when the completed event is
// written).
//
// The names are mellea's, read from its source at two revisions: the
// v0.7.0 tag (f2f4ba0, profile "v0.7", the default) and its main branch
// at 55d0080 (profile "main"). Where mellea follows OpenTelemetry's GenAI
// semantic conventions (gen_ai.*), so do the tables.
//
// The package is internal to the module: the names are the telemetry's
// output, documented by what it emits, not an API.
package semconv
