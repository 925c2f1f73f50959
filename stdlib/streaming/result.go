package streaming

import (
	"slices"

	"github.com/hookweave/hookweave/hooks"
)

// Result is the outcome of a Stream. It describes the selected attempt
// (see Attempt.Selected): the only one for a stream without a strategy;
// with one, the attempt that passed, else the strategy's pick when the
// budget ran out, else the attempt that an error or a stop ended.
type Result struct {
	// Completed is true when generation ended naturally and every chunk
	// passed its checks, and no error followed. A failed full validation
	// leaves it true (see ValidationPassed, and FailureReason with a
	// strategy).
	Completed bool
	// FullText is the whole reply after a natural end; otherwise the reply
	// up to the end of the last delivered chunk.
	FullText string
	// FailureReason says why a check stopped the stream (with a strategy:
	// why the selected attempt failed, which may be its full validation);
	// empty otherwise. A stream succeeded when Completed is true and
	// FailureReason is empty (Succeeded).
	FailureReason string
	// Err is the error that ended the stream, also yielded by Chunks. For
	// a stream whose context ended it is the context's error (and Stopped
	// is true).
	Err error
	// Stopped is true when the consumer stopped early (break, stop, Close)
	// or its context ended. A stopped stream is not a failed one: no
	// ErrorEvent, and its generation ends cancelled (hooks.ErrCancelled).
	Stopped bool
	// Validations holds the full validation's results, in requirement
	// order, after a natural end with requirements.
	Validations []hooks.CheckResult
	// ValidationPassed is true when every full validation result is a pass.
	ValidationPassed bool
	// Attempts lists every attempt made, in order; exactly one is
	// Selected. A stream stopped before its first attempt has none.
	Attempts []Attempt
}

// Succeeded reports whether the stream succeeded: its selected attempt
// completed and failed nothing, and no error or stop ended the stream. A
// stream whose strategy ran out of budget after a failed full validation
// is Completed but did not succeed.
func (r Result) Succeeded() bool { return r.Completed && r.FailureReason == "" }

// Attempt is one attempt of a stream: one generation, checked.
type Attempt struct {
	Number int // from 1
	// FullText is what Result.FullText is for a single attempt: the whole
	// text when the attempt ended naturally with every chunk passing (the
	// flushed fragment included), otherwise the text it delivered.
	FullText string
	// FailureReason says why the attempt failed: "Streaming validation
	// failed: <reason>" (or "... failed on flush: ...") for a failed
	// check, and, with a strategy, "Full validation failed: <reason>" for
	// a failed full validation; empty for an attempt that did not fail.
	FailureReason string
	// Failures are the failing results that ended the attempt: the failed
	// chunk's check, or the full validation; nil when it did not fail.
	Failures []hooks.CheckResult
	// Completed is true when the attempt's generation ended naturally,
	// every chunk passed and no error followed.
	Completed bool
	// Validations holds the attempt's full validation results, after a
	// natural end with requirements.
	Validations      []hooks.CheckResult
	ValidationPassed bool
	// Selected is true for the attempt the Result describes.
	Selected bool
}

func (r Result) clone() Result {
	r.Validations = slices.Clone(r.Validations)
	r.Attempts = slices.Clone(r.Attempts)
	for i := range r.Attempts {
		r.Attempts[i] = r.Attempts[i].clone()
	}
	return r
}

func (a Attempt) clone() Attempt {
	a.Failures = slices.Clone(a.Failures)
	a.Validations = slices.Clone(a.Validations)
	return a
}
