package streaming

import (
	"context"
	"fmt"
	"sync"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/stdlib/requirement"
)

// call is one round of requirement calls: Check on a chunk, or Validate on
// the full text.
type call struct {
	validate bool
	text     string
}

func (c call) String() string {
	if c.validate {
		return "validate"
	}
	return "check"
}

// check runs every requirement's Check on chunk. The results are in a
// buffer of the run that the next check reuses, unless the stream's events
// go anywhere: then they are the event's own.
func (r *run) check(ctx context.Context, chunk string) ([]hooks.CheckResult, error) {
	out := r.checked
	if r.emitting() {
		out = make([]hooks.CheckResult, len(r.names))
	}
	return r.judge(ctx, call{text: chunk}, out)
}

// validate runs every requirement's Validate on the full text and emits the
// FullValidationEvent. Without a strategy a failed full validation leaves
// the attempt completed, as mellea's single attempt does.
func (r *run) validate(ctx context.Context, full string) error {
	results, err := r.judge(ctx, call{validate: true, text: full}, make([]hooks.CheckResult, len(r.names)))
	if err != nil {
		return err
	}
	r.validations = results
	r.validated = allPass(results)
	if !r.validated && r.strategy != nil {
		// With a strategy, a failed full validation fails the attempt.
		r.failure = "Full validation failed: " + lastReason(results)
		r.failures = failing(results)
	}
	r.emit(ctx, hooks.FullValidationEvent{Attempt: r.number, Passed: r.validated, Results: results}, nil)
	return nil
}

// judge makes call c of every requirement and fills out with the results,
// in requirement order. Calls run on this goroutine, one after another,
// unless some are slow (requirement.Slow) and others could overlap them:
// then see judgeConcurrently. The first error is returned; a panic in a
// call is an error.
func (r *run) judge(ctx context.Context, c call, out []hooks.CheckResult) ([]hooks.CheckResult, error) {
	reqs := r.reqs
	if len(reqs) > 1 && r.slow[b2i(c.validate)] > 0 {
		return r.judgeConcurrently(ctx, c, out)
	}
	for i, q := range reqs {
		res, err := r.do(ctx, q, c)
		if err != nil {
			return nil, r.callError(i, c, err)
		}
		out[i] = hooks.CheckResult{Requirement: r.names[i], Outcome: res.Outcome, Reason: res.Reason}
	}
	return out, nil
}

// judgeConcurrently starts the slow calls on goroutines of their own and
// makes the others on this goroutine meanwhile. The first error cancels
// the calls still running, and is returned once they have all returned.
func (r *run) judgeConcurrently(ctx context.Context, c call, out []hooks.CheckResult) ([]hooks.CheckResult, error) {
	reqs := r.reqs
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var (
		wg    sync.WaitGroup
		once  sync.Once
		first error
	)
	one := func(i int) {
		res, err := r.do(ctx, reqs[i], c)
		if err != nil {
			once.Do(func() {
				first = r.callError(i, c, err)
				cancel(first)
			})
			return
		}
		out[i] = hooks.CheckResult{Requirement: r.names[i], Outcome: res.Outcome, Reason: res.Reason}
	}
	for i, q := range reqs {
		if requirement.IsSlow(q, c.validate) {
			wg.Go(func() { one(i) })
		}
	}
	for i, q := range reqs {
		if !requirement.IsSlow(q, c.validate) {
			one(i)
		}
	}
	wg.Wait()
	if first != nil {
		return nil, first
	}
	return out, nil
}

// do makes call c of q, turning a panic into a *hooks.PanicError.
func (r *run) do(ctx context.Context, q requirement.Requirement, c call) (res requirement.Result, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = &hooks.PanicError{Value: v}
		}
	}()
	if c.validate {
		return q.Validate(ctx, r.s.cfg.validator, c.text)
	}
	return q.Check(ctx, r.s.cfg.validator, c.text)
}

// callError is the stream's error for the error of requirement i's call.
func (r *run) callError(i int, c call, err error) error {
	return fmt.Errorf("requirement %s: %s: %w", r.names[i], c, err)
}

// countSlow returns how many of reqs have a slow Check and how many a
// slow Validate, indexed by b2i(validate).
func countSlow(reqs []requirement.Requirement) (n [2]int) {
	for _, q := range reqs {
		for _, validate := range []bool{false, true} {
			if requirement.IsSlow(q, validate) {
				n[b2i(validate)]++
			}
		}
	}
	return n
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func allPass(results []hooks.CheckResult) bool {
	for _, res := range results {
		if res.Outcome != hooks.Pass {
			return false
		}
	}
	return true
}
