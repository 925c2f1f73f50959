// Package streaming is validated streaming, the Go port of mellea's
// stream_with_chunking: it streams a model's reply, cuts it into chunks,
// checks every chunk against requirements while the reply streams, hands
// each chunk that passes to the consumer, and stops generation at the first
// failed check.
//
// A Stream runs on the consumer's goroutine: ranging over Stream.Chunks
// drives the backend, the chunker and the checks, so the whole stream is one
// call tree under one context. The orchestration is a //mellea:hook
// streaming lifecycle (streaming_start, streaming_end) that hookweave weaves
// in; the streaming events (QuickCheckEvent, ChunkEvent, StreamingDoneEvent,
// FullValidationEvent, RetryEvent, ErrorEvent, CompletedEvent) are emitted
// in every build, to the stream's WithEvents function and to the plugins
// listening to streaming_event. In a plain build the lifecycle hooks do not fire, the
// events do. In a woven build a plugin that blocks streaming_start ends the
// stream before generation with its *hooks.BlockedError, and no event is
// emitted.
//
// # Semantics
//
// Requirements are copied (with requirement.Cloner when they implement it)
// when the Stream is made; the caller's values are never mutated. Each new
// chunk is checked by every requirement, on the consumer's goroutine, one
// after another in requirement order; a requirement whose calls may take
// long says so (requirement.Slow, as the LLM judge's full validation does)
// and then runs concurrently with the others. The first error ends the
// round and cancels the slow calls still running. A requirement that fails ends the stream, so every
// requirement is active for every chunk that is checked (mellea's "still
// active" requirements are those that have not failed).
//
//   - A chunk with a failing result is not delivered; generation is
//     cancelled; Result.Completed is false and Result.FailureReason is
//     "Streaming validation failed: <reason>" (on the flushed fragment,
//     "Streaming validation failed on flush: <reason>"), the reason being
//     that of the last failing result in requirement order.
//   - At the natural end the withheld fragment is flushed and checked like
//     any chunk, then the full text is validated by every requirement
//     the same way. A failed full validation does not make the stream
//     unsuccessful (mellea's semantics): Result.Completed stays true and
//     Result.ValidationPassed says how the full validation went.
//   - An error (the backend's, a requirement's, a cancelled context) stops
//     generation and is yielded to the consumer once, as the last element
//     of the sequence, after the stream's end hook has fired.
//   - A consumer that stops early (break, iter.Pull's stop, Close) ends the
//     stream with Result.Stopped: no failure reason, no error.
//
// Result.FullText is the whole accumulated text after a natural end (also
// when the full validation then fails or errs). On any other exit it is the
// accumulated text up to the end of the last delivered chunk, as mellea
// does: the delivered chunks with the text between them, nothing after.
//
// # Retrying
//
// WithStrategy makes a stream retry within the strategy's budget of
// attempts (the first included), as mellea's stream(..., strategy=...)
// does. An attempt fails on a failed per-chunk check, or, with a
// strategy only, on a failed full validation after a natural end. Then
// the attempt's generation is cancelled (a cancellation, never an LLM
// error), a RetryEvent{Attempt, Reason} is emitted (Attempt is the one
// starting), and the next attempt runs on the strategy's repair of the
// request (RejectionSampling: the same request; RepairTemplate: the failed
// attempt's delivered text and the failing reasons added), on fresh copies
// of the requirements and an empty chunking state. An error, a consumer
// stop, Close or a cancelled context ends the whole stream in any attempt;
// errors are not retried.
//
// The consumer's chunks go on flat across attempts: what a failed attempt
// delivered stays delivered, and the next attempt's chunks follow.
// Stream.Attempt, read in the loop's body, says which attempt a chunk
// belongs to. The per-attempt events (QuickCheckEvent, ChunkEvent,
// StreamingDoneEvent, FullValidationEvent, RetryEvent) carry their attempt
// (from 1), chunk indexes restart at 0 in each attempt, and the one
// CompletedEvent, last, carries AttemptsUsed. Result describes the selected attempt (the passing one,
// else the strategy's pick when the budget ran out) and lists every
// attempt in Result.Attempts. There is one streaming lifecycle per stream
// and one generation lifecycle per attempt.
//
// # Events
//
// Event order: natural end (QuickCheck, Chunk)* StreamingDone
// FullValidation? Completed; failed check ... QuickCheck(Passed=false)
// Completed; error ... Error Completed; consumer stop ... Completed. With
// a strategy, each failed attempt but the last ends with its
// QuickCheck(Passed=false) or FullValidation(Passed=false) followed by a
// Retry, and the next attempt's events follow.
// QuickCheckEvent and FullValidationEvent are emitted only when there are
// requirements. A ChunkEvent is emitted just before the chunk is handed to
// the consumer. CompletedEvent is always last, and it and streaming_end
// fire exactly once per Stream that is iterated or closed, whatever the
// consumer does; no goroutine outlives the stream.
//
// Package streaming never imports telemetry or OpenTelemetry.
package streaming
