// Package toolexec is hookweave's -toolexec mode: cmd/go runs it in front of
// every Go tool (hookweave /abs/path/to/compile args...).
//
// It keeps the build cache correct and the build fast:
//
//   - -V=full answers the real tool's line with hookweave's identity
//     appended (compile and link only), so woven and plain objects never
//     share a cache key; the identity holds no absolute path.
//   - compile passes through untouched unless a .go input mentions
//     "mellea:" (a byte search before any parse) or the package is the main
//     of a binary that uses hooks; those are woven, written to a temporary
//     directory and compiled in place of the originals.
//   - imports that weaving adds are resolved by one nested
//     go list -deps -export per build, run with the parent's flags and with
//     hookweave itself as -toolexec in nested mode, so the archives match the
//     parent's; the compile records them in an extra archive member.
//   - link reads those members, adds the injected packages' closure to
//     importcfg.link and sets hooks.wovenBy with -X.
//   - nothing is printed on success (cmd/go replays compile output from its
//     cache); HOOKWEAVE_LOG=path appends a log.
//
// Package toolexec never imports weave or telemetry: the caller passes a
// Weaver, so the mechanism is tested with any rewrite.
package toolexec
