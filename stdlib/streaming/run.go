package streaming

import (
	"context"
	"errors"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/stdlib/backend"
	"github.com/hookweave/hookweave/stdlib/chunking"
	"github.com/hookweave/hookweave/stdlib/requirement"
)

// run is one execution of a Stream and the subject of its streaming
// lifecycle.
type run struct {
	s     *Stream
	id    string   // the streaming id, shared by the lifecycle and the events
	names []string // the requirements' type names, in order
	// active is the copy of names that events carry to their receivers,
	// made on the first event, so that none of them can change names.
	active []string
	yield  func(string, error) bool

	slow    [2]int              // requirements with a slow Check, a slow Validate
	checked []hooks.CheckResult // the results of the last check, reused

	acc       strings.Builder  // every delta received
	resumer   chunking.Resumer // the chunker, when it resumes its scans
	pending   string           // text not yet cut into chunks
	mark      int              // where the resumer's next scan of pending starts
	next      int              // index of the next chunk
	delivered int              // end of the last delivered chunk in acc

	started     bool // the wrapper called the stream
	halted      bool // a failed check or the consumer stopped generation
	gone        bool // yield may not be called again
	natural     bool // generation ended naturally and every chunk passed
	stopped     bool
	failure     string
	err         error
	validations []hooks.CheckResult
	validated   bool
	fullText    string
}

// errHalt is what onDelta returns to stop generation after a failed check
// or a consumer stop; it never leaves the package.
var errHalt = errors.New("streaming: halted")

func newRun(s *Stream, yield func(string, error) bool) *run {
	r := &run{s: s, id: hooks.NewID(), names: requirementNames(s.cfg.requirements), yield: yield}
	r.slow = countSlow(s.cfg.requirements)
	r.checked = make([]hooks.CheckResult, len(r.names))
	r.resumer, _ = s.cfg.chunker.(chunking.Resumer)
	return r
}

// activeNames returns the names of the active requirements for an event.
func (r *run) activeNames() []string {
	if r.active == nil {
		r.active = slices.Clip(slices.Clone(r.names))
	}
	return r.active
}

// requirementNames returns the requirements' type names, in order.
func requirementNames(reqs []requirement.Requirement) []string {
	names := make([]string, len(reqs))
	for i, q := range reqs {
		names[i] = requirement.Name(q)
	}
	return names
}

// stream is the orchestration. The CompletedEvent is emitted by a deferred
// call registered after the woven one, so it comes before streaming_end.
//
//mellea:hook streaming
func (r *run) stream(ctx context.Context) (err error) {
	defer r.complete(ctx)
	err = r.body(ctx)
	if err != nil && ctx.Err() != nil {
		// Stopping is not failing: Close, or the consumer's
		// context ended. No ErrorEvent; the consumer still gets the
		// context's error, unless it closed the stream itself.
		r.stopped, err = true, nil
		if !r.s.stopped() {
			r.err = ctx.Err()
		}
	}
	if err != nil {
		r.err = err
		r.emit(ctx, hooks.ErrorEvent{ExceptionType: hooks.ErrorKind(err), Detail: err.Error()}, nil)
	}
	return err
}

// body generates, checks and delivers; it returns the error that ends the
// stream, nil for a natural end, a failed check or a consumer stop.
func (r *run) body(ctx context.Context) error {
	if r.s.stopped() {
		r.stopped = true
		return nil
	}
	var checkErr error
	_, err := backend.Stream(ctx, r.s.backend, r.s.req, func(delta string) error {
		if r.halted || checkErr != nil {
			return errHalt
		}
		checkErr = r.onDelta(ctx, delta)
		return checkErr
	})
	if r.halted {
		return nil
	}
	if checkErr != nil {
		err = checkErr
	}
	if err != nil {
		return err
	}
	return r.end(ctx)
}

// end finishes a stream whose generation ended naturally: it flushes the
// withheld fragment, then runs the full validation.
func (r *run) end(ctx context.Context) error {
	chunks := r.s.cfg.chunker.Flush(r.pending)
	if err := checkFlush(r.s.cfg.chunker, r.pending, chunks); err != nil {
		return err
	}
	for _, c := range chunks {
		if err := r.process(ctx, c, true); err != nil || r.halted {
			return err
		}
	}
	r.pending = ""
	r.natural = true
	full := r.acc.String()
	r.emit(ctx, hooks.StreamingDoneEvent{Attempt: 1, FullText: full}, nil)
	if len(r.names) == 0 {
		return nil
	}
	return r.validate(ctx, full)
}

// complete fixes the full text and emits the CompletedEvent.
func (r *run) complete(ctx context.Context) {
	if r.natural {
		r.fullText = r.acc.String()
	} else {
		r.fullText = r.acc.String()[:r.delivered]
	}
	r.emit(ctx, hooks.CompletedEvent{Success: r.success(), FullText: r.fullText, AttemptsUsed: 1}, nil)
}

func (r *run) success() bool { return r.natural && r.err == nil && !r.stopped }

// result is the run's outcome for Stream.Result.
func (r *run) result() Result {
	return Result{
		Completed:        r.success(),
		FullText:         r.fullText,
		FailureReason:    r.failure,
		Err:              r.err,
		Stopped:          r.stopped,
		Validations:      r.validations,
		ValidationPassed: r.validated,
	}
}

// textLength is a text's length in characters, as mellea counts it.
func textLength(s string) int { return utf8.RuneCountInString(s) }
