// Package hooks is the seam between the mellea-style library in stdlib/ and
// the plugins that observe it (the telemetry in telemetry/ among them).
//
// It defines the hook names and payloads, the seven streaming event types, the
// plugin registries (global, per session and per context scope), plugin
// sets, dispatch in the five plugin modes, the lifecycle entry points that
// hookweave weaves into annotated functions, the shutdown lifecycle, and
// [Woven].
//
// Package hooks imports only the Go standard library, and must stay that way:
// every binary that uses stdlib links it, woven or not.
//
// # What a plugin observes
//
// In a plain build (go build without -toolexec=hookweave) the //mellea:hook
// annotations are comments: no lifecycle hook fires (session_pre_init,
// session_post_init, session_cleanup, component_*, generation_*,
// streaming_start, streaming_end, span_start, span_end), and [Woven]
// reports false. The hooks that stdlib fires by explicit calls still reach
// registered plugins: streaming_event and session_reset.
//
// In a woven build every annotated lifecycle fires its start hook once and
// exactly one end hook (success or error) on every path, and [Woven] reports
// true. That includes the span lifecycle of a program's own functions
// annotated //mellea:hook span (see [BeginSpan]): span_start and span_end,
// observe-only, once per call.
//
// # The plugin contract (mellea's, through its executor cpex)
//
// Plugins are registered globally (Register, Add), for one session (a
// session's Registry), or for the operations under a context (WithPlugins).
// A plugin is a name, one Handler per hook and its options; a Set groups
// plugins and nested sets, and a set's priority overrides its members' (an
// outer set's wins).
//
// At each hook the plugins run in groups, in this fixed order, each group by
// priority (lower first, DefaultPriority 50) and registration order on ties:
//
//   - sequential: one at a time, each on the payload the one before left;
//     may change writable fields and block;
//   - transform: one at a time; may change writable fields; a block is
//     reported and ignored;
//   - audit: one at a time; observes: a change or a block is reported and
//     ignored;
//   - concurrent: all at once on the payload as the groups before left it;
//     may block: the first block wins and cancels the others' context; a
//     change is reported and ignored;
//   - fire_and_forget: in the background on a snapshot; nothing it returns
//     is used; Shutdown waits for it.
//
// Writable fields are mellea's payload policies (see Writable):
// session_pre_init ModelID and ModelOptions; component_pre_execute
// Requirements, ModelOptions, Format, Strategy and ToolCalls;
// generation_pre_call ModelOptions, ToolCalls and Format. Every other hook
// is observe-only. A change that also touches read-only fields keeps its
// writable part; the dropped fields are reported once, naming the plugin.
//
// Changes are made through Result.Payload, never in place: a plugin that
// may modify gets a copy of its own, and the audit plugins of one dispatch
// share one. At streaming_event, which fires per chunk, they read the
// payload made for that dispatch itself; its slices are read-only too.
// Plugins that keep nothing of a payload past the call say so with
// WithBorrowedPayloads: when every audit plugin at a streaming_event does,
// its payload is lent from a pool and reused for later events.
//
// A plugin may block (Result.Block) at session_pre_init,
// component_pre_execute, generation_pre_call, streaming_start and
// generation_post_call. The operation then fails with a *BlockedError that
// reads "plugin <name> blocked <hook>: [<code>] <reason>" ("[<code>] " only
// with a code); a blocked start hook still fires its end hook, and the
// operation's body does not run.
//
// Each handler call is bounded: DefaultTimeout (5 s, as mellea), or the
// plugin's WithTimeout; zero means none. A call past its bound is reported
// as a *PluginError wrapping an *OverrunError (plugin, hook, bound), its
// context is cancelled, and the operation goes on without its result. A
// bounded call runs on a goroutine of its own (see BenchmarkEmitEventOnePlugin
// against BenchmarkEmitEventOnePluginUnbounded for the cost); the
// project's telemetry plugins are unbounded.
//
// Every failure of a plugin (a panic, an overrun, a broken rule of its
// mode) is contained and handed to the reporter (SetReporter); the
// operation goes on.
//
// # Dispatch cost
//
// When no plugin listens to a hook, dispatch is one atomic load and a bit
// test: guard the construction of a payload with [Listening] and a hook that
// nobody listens to costs nothing else and allocates nothing.
package hooks
