package streaming

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/stdlib/backend"
	"github.com/hookweave/hookweave/stdlib/chunking"
	"github.com/hookweave/hookweave/stdlib/requirement"
)

// run is one execution of a Stream and the subject of its streaming
// lifecycle. It makes one attempt, or, with a strategy, up to its budget.
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

	resumer  chunking.Resumer // the chunker, when it resumes its scans
	trusted  bool             // resumer is one of package chunking's own
	strategy Strategy         // nil: one attempt
	budget   int              // attempts allowed, the first included

	attemptState // the running attempt's

	attempts    []Attempt // the attempts recorded, in order
	pick        int       // index of the selected attempt; -1: the last
	generations int       // generations started

	started  bool // the wrapper called the stream
	gone     bool // yield may not be called again
	stopped  bool
	err      error
	fullText string // the selected attempt's
}

// attemptState is what one attempt starts afresh: its request, its copies
// of the requirements and the chunking of its reply.
type attemptState struct {
	number    int // from 1; 0 before the first attempt
	req       backend.Request
	reqs      []requirement.Requirement
	acc       strings.Builder // every delta received
	pending   string          // text not yet cut into chunks
	mark      int             // where the resumer's next scan of pending starts
	next      int             // index of the next chunk
	delivered int             // end of the last delivered chunk in acc

	halted      bool // a failed check or the consumer stopped generation
	natural     bool // generation ended naturally and every chunk passed
	failure     string
	failures    []hooks.CheckResult
	validations []hooks.CheckResult
	validated   bool
	recorded    bool // the attempt is in run.attempts
}

// errHalt is what onDelta returns to stop generation after a failed check
// or a consumer stop; it never leaves the package.
var errHalt = errors.New("streaming: halted")

func newRun(s *Stream, yield func(string, error) bool) *run {
	r := &run{s: s, id: hooks.NewID(), yield: yield, pick: -1}
	r.setRequirements()
	r.resumer, _ = s.cfg.chunker.(chunking.Resumer)
	r.trusted = builtin(r.resumer)
	return r
}

// setRequirements takes the stream's requirements and strategy as they
// are now: when the run is made, and again once its wrapper changed them.
func (r *run) setRequirements() {
	reqs := r.s.cfg.requirements
	r.names = requirementNames(reqs)
	r.slow = countSlow(reqs)
	r.checked = make([]hooks.CheckResult, len(reqs))
	r.strategy = r.s.cfg.strategy
	r.budget = budget(r.strategy)
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
		// Stopping is not failing: Close, or the consumer's context
		// ended. No ErrorEvent; the consumer still gets the context's
		// error, unless it closed the stream itself.
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

// body makes the attempts; it returns the error that ends the stream, nil
// for a natural end, a failed check or a consumer stop. An attempt that
// failed is followed by a RetryEvent and the next attempt while the budget
// allows.
func (r *run) body(ctx context.Context) error {
	for n := 1; ; n++ {
		if r.s.stopped() {
			r.stopped = true
			return nil
		}
		if n > 1 { // the previous attempt's failure, announced once the next surely starts
			if err := ctx.Err(); err != nil {
				return err // the consumer's context ended as the attempt failed: a stop
			}
			r.emit(ctx, hooks.RetryEvent{Attempt: n, Reason: r.failure}, nil)
		}
		r.begin(n)
		if err := r.attempt(ctx); err != nil || r.stopped || r.failure == "" {
			return err
		}
		r.record()
		if n == r.budget {
			return r.selectAttempt()
		}
	}
}

// begin starts attempt n afresh: its request (the strategy's repair of the
// original after the first), fresh copies of the requirements, and an
// empty chunking state. The chunker itself is stateless by contract.
func (r *run) begin(n int) {
	req, reqs := r.s.req, r.s.cfg.requirements
	if n > 1 {
		req = r.strategy.Repair(req, slices.Clip(r.attempts))
	}
	if r.budget > 1 {
		// The stream's copies stay untouched for the next attempt.
		reqs = copyRequirements(reqs)
	}
	r.attemptState = attemptState{number: n, req: req, reqs: reqs}
	r.s.attempt.Store(int32(n))
}

// attempt generates, checks and delivers one attempt.
func (r *run) attempt(ctx context.Context) error {
	var checkErr error
	if _, ok := r.s.backend.(backend.Streamer); ok {
		r.generations++
	}
	_, err := backend.Stream(ctx, r.s.backend, r.req, func(delta string) error {
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

// end finishes an attempt whose generation ended naturally: it flushes the
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
	r.emit(ctx, hooks.StreamingDoneEvent{Attempt: r.number, FullText: full}, nil)
	if len(r.names) == 0 {
		return nil
	}
	return r.validate(ctx, full)
}

// record adds the running attempt to the attempts.
func (r *run) record() {
	full := r.acc.String()
	if !r.natural {
		full = full[:r.delivered]
	}
	r.attempts = append(r.attempts, Attempt{
		Number:           r.number,
		FullText:         full,
		FailureReason:    r.failure,
		Failures:         r.failures,
		Completed:        r.natural && r.err == nil && !r.stopped,
		Validations:      r.validations,
		ValidationPassed: r.validated,
	})
	r.recorded = true
}

// selectAttempt asks the strategy which attempt the result reports once
// every attempt failed; without one, that is the only attempt.
func (r *run) selectAttempt() error {
	if r.strategy == nil {
		return nil
	}
	i := r.strategy.Select(slices.Clip(r.attempts))
	if i < 0 || i >= len(r.attempts) {
		return fmt.Errorf("streaming: strategy %s selected attempt index %d of %d attempts", r.strategy.Name(), i, len(r.attempts))
	}
	r.pick = i
	return nil
}

// selected returns the selected attempt, nil before the first.
func (r *run) selected() *Attempt {
	if len(r.attempts) == 0 {
		return nil
	}
	if r.pick >= 0 {
		return &r.attempts[r.pick]
	}
	return &r.attempts[len(r.attempts)-1]
}

// complete records the last attempt, marks the selected one, fixes the
// full text and emits the CompletedEvent.
func (r *run) complete(ctx context.Context) {
	if r.number > 0 && !r.recorded {
		r.record()
	}
	if a := r.selected(); a != nil {
		a.Selected = true
		r.fullText = a.FullText
	}
	r.emit(ctx, hooks.CompletedEvent{Success: r.success(), FullText: r.fullText, AttemptsUsed: len(r.attempts)}, nil)
}

// success reports whether the stream succeeded: its selected attempt
// completed and did not fail, and no error or stop ended the stream.
func (r *run) success() bool { return r.result().Succeeded() }

// result is the run's outcome for Stream.Result.
func (r *run) result() Result {
	res := Result{Err: r.err, Stopped: r.stopped, Attempts: r.attempts}
	if a := r.selected(); a != nil {
		res.Completed = a.Completed && r.err == nil && !r.stopped
		res.FullText = a.FullText
		res.FailureReason = a.FailureReason
		res.Validations = a.Validations
		res.ValidationPassed = a.ValidationPassed
	}
	return res
}

// textLength is a text's length in characters, as mellea counts it.
func textLength(s string) int { return utf8.RuneCountInString(s) }
