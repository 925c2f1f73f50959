// Package requirement defines what a streamed reply is checked against: a
// per-chunk check while the reply streams, and a full validation of the
// whole text at its natural end. It also provides ready-made requirements.
//
// Package requirement never imports telemetry or OpenTelemetry.
package requirement

import (
	"context"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/stdlib/backend"
)

// Result is a requirement's verdict on a chunk or on the full text.
type Result struct {
	Outcome hooks.Outcome // hooks.Pass, hooks.Fail or hooks.Unknown
	Reason  string        // why, for a failure (shown to the user)
}

// Requirement is checked against every chunk while a reply streams, and
// against the full text at the end.
//
// Check and Validate may be called concurrently with other requirements'
// calls, never concurrently with themselves on one value. validator is the
// validation backend (an LLM judge asks it); requirements that need no
// model ignore it. An error (not a failed verdict) ends the stream.
type Requirement interface {
	// Description says what the requirement asks, in words.
	Description() string
	// Check judges one chunk.
	Check(ctx context.Context, validator backend.Backend, chunk string) (Result, error)
	// Validate judges the full text.
	Validate(ctx context.Context, validator backend.Backend, fullText string) (Result, error)
}

// Cloner is implemented by requirements that keep state across chunks: the
// stream works on Clone()s, so the caller's values are never mutated.
type Cloner interface {
	Clone() Requirement
}

// Slow is implemented by requirements whose calls may take long, such as a
// model call. A stream runs a requirement's slow calls concurrently with
// the other requirements' calls, and cancels them when another call
// errs; every other call runs on the stream's goroutine, one after another
// in requirement order, where a goroutine would cost more than it saves.
type Slow interface {
	// SlowCheck reports whether Check may take long.
	SlowCheck() bool
	// SlowValidate reports whether Validate may take long.
	SlowValidate() bool
}

// IsSlow reports whether q's Check (validate false) or Validate (validate
// true) may take long, as q says through Slow.
func IsSlow(q Requirement, validate bool) bool {
	s, ok := q.(Slow)
	if !ok {
		return false
	}
	if validate {
		return s.SlowValidate()
	}
	return s.SlowCheck()
}
