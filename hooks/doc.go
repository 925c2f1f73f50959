// Package hooks is the seam between the mellea-style library in stdlib/ and
// the plugins that observe it (the telemetry in telemetry/ among them).
//
// It defines the hook names and payloads, the six streaming event types, the
// plugin registries (global and per session), priority-ordered dispatch in
// the five plugin modes, the lifecycle entry points that hookweave weaves
// into annotated functions, the shutdown lifecycle, and [Woven].
//
// Package hooks imports only the Go standard library, and must stay that way:
// every binary that uses stdlib links it, woven or not.
//
// # What a plugin observes
//
// In a plain build (go build without -toolexec=hookweave) the //mellea:hook
// annotations are comments: no lifecycle hook fires (session_pre_init,
// session_post_init, session_cleanup, component_*, generation_*,
// streaming_start, streaming_end), and [Woven] reports false. The hooks that
// stdlib fires by explicit calls still reach registered plugins:
// streaming_event and session_reset.
//
// In a woven build every annotated lifecycle fires its start hook once and
// exactly one end hook (success or error) on every path, and [Woven] reports
// true.
//
// # Dispatch cost
//
// When no plugin listens to a hook, dispatch is one atomic load and a bit
// test: guard the construction of a payload with [Listening] and a hook that
// nobody listens to costs nothing else and allocates nothing.
package hooks
