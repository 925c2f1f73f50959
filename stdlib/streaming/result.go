package streaming

import (
	"slices"

	"github.com/hookweave/hookweave/hooks"
)

// Result is the outcome of a Stream.
type Result struct {
	// Completed is true when generation ended naturally and every chunk
	// passed its checks, and no error followed. A failed full validation
	// leaves it true (see ValidationPassed).
	Completed bool
	// FullText is the whole reply after a natural end; otherwise the reply
	// up to the end of the last delivered chunk.
	FullText string
	// FailureReason says why a check stopped the stream; empty otherwise.
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
}

func (r Result) clone() Result {
	r.Validations = slices.Clone(r.Validations)
	return r
}
