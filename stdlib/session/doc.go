// Package session runs model interactions as mellea sessions: Run opens a
// session on a backend, and Session.Stream acts on an Instruction (a text
// with requirements) by streaming the reply through package streaming.
//
// Each level is a //mellea:hook lifecycle that hookweave weaves in: the
// session (session_pre_init, session_post_init, session_cleanup), the
// action (component_pre_execute, component_post_success or
// component_post_error), the stream (streaming_start, streaming_end) and
// the generation (generation_pre_call, generation_post_call or
// generation_error). They run on the consumer's goroutine, one call inside
// the other under one context, so a woven build nests their spans as
// session > action > stream_with_chunking > chat. session_reset fires
// explicitly, from Session.Reset, in every build.
//
// An Instruction's Strategy makes its stream retry (see
// streaming.WithStrategy): one component and one streaming lifecycle per
// action, one generation lifecycle per attempt. The component payload's
// Strategy is the strategy's name; a plugin at component_pre_execute that
// sets it to a built-in strategy's name selects that strategy with the
// instruction's budget (DefaultBudget when the instruction has none), and
// one that empties it makes one attempt. An unknown name is reported once
// and the instruction's strategy kept.
//
// In a plain build no lifecycle hook fires; the context still carries the
// session's id and its own plugins, so streaming events reach them.
//
// Package session never imports telemetry or OpenTelemetry.
package session
