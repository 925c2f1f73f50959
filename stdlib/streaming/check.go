package streaming

import (
	"context"
	"fmt"
	"sync"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/stdlib/requirement"
)

// verdict is one requirement's call: Check on a chunk or Validate on the
// full text.
type verdict func(ctx context.Context, q requirement.Requirement) (requirement.Result, error)

// check runs every requirement's Check on chunk, concurrently.
func (r *run) check(ctx context.Context, chunk string) ([]hooks.CheckResult, error) {
	v := r.s.cfg.validator
	return r.judge(ctx, "check", func(ctx context.Context, q requirement.Requirement) (requirement.Result, error) {
		return q.Check(ctx, v, chunk)
	})
}

// validate runs every requirement's Validate on the full text, concurrently,
// and emits the FullValidationEvent.
func (r *run) validate(ctx context.Context, full string) error {
	v := r.s.cfg.validator
	results, err := r.judge(ctx, "validate", func(ctx context.Context, q requirement.Requirement) (requirement.Result, error) {
		return q.Validate(ctx, v, full)
	})
	if err != nil {
		return err
	}
	r.validations = results
	r.validated = allPass(results)
	r.emit(ctx, hooks.FullValidationEvent{Attempt: 1, Passed: r.validated, Results: results}, nil)
	return nil
}

// judge calls f for every requirement concurrently and returns the results
// in requirement order. The first error cancels the other calls and is
// returned once they have all returned; a panic in f is an error.
func (r *run) judge(ctx context.Context, what string, f verdict) ([]hooks.CheckResult, error) {
	reqs := r.s.cfg.requirements
	out := make([]hooks.CheckResult, len(reqs))
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var (
		wg    sync.WaitGroup
		once  sync.Once
		first error
	)
	call := func(i int) {
		res, err := safeCall(ctx, f, reqs[i])
		if err != nil {
			once.Do(func() {
				first = fmt.Errorf("requirement %s: %s: %w", r.names[i], what, err)
				cancel(first)
			})
			return
		}
		out[i] = hooks.CheckResult{Requirement: r.names[i], Outcome: res.Outcome, Reason: res.Reason}
	}
	for i := 1; i < len(reqs); i++ {
		wg.Go(func() { call(i) })
	}
	call(0) // the first on this goroutine: a single requirement needs no other
	wg.Wait()
	return out, first
}

// safeCall calls f, turning a panic into a *hooks.PanicError.
func safeCall(ctx context.Context, f verdict, q requirement.Requirement) (res requirement.Result, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = &hooks.PanicError{Value: v}
		}
	}()
	return f(ctx, q)
}

func allPass(results []hooks.CheckResult) bool {
	for _, res := range results {
		if res.Outcome != hooks.Pass {
			return false
		}
	}
	return true
}
