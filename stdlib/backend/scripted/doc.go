// Package scripted is an embedded, deterministic model backend for demos
// and tests: it replies with a fixed text (or one computed from the
// request), sliced into deltas of a chosen number of runes, and can be told
// to pause between deltas, fail after some deltas, or stall until its
// context is done.
//
// A *Backend is immutable once built by New, so one value serves any number
// of concurrent streams; with WithReplies its calls take the replies in
// turn.
//
// Package scripted never imports telemetry or OpenTelemetry.
package scripted
