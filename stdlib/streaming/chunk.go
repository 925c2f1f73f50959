package streaming

import (
	"context"
	"strings"

	"github.com/hookweave/hookweave/hooks"
)

// onDelta appends a delta and processes the chunks it completes. It returns
// errHalt to stop generation, a requirement's error, or a *ChunkerError.
func (r *run) onDelta(ctx context.Context, delta string) error {
	r.acc.WriteString(delta)
	buf := r.pending + delta
	chunks, rest := r.s.cfg.chunker.Split(buf)
	if err := checkSplit(r.s.cfg.chunker, buf, chunks, rest); err != nil {
		return err
	}
	r.pending = rest
	for _, c := range chunks {
		if err := r.process(ctx, c, false); err != nil {
			return err
		}
		if r.halted {
			return errHalt
		}
	}
	return nil
}

// process checks one chunk and delivers it if it passes. It sets r.halted
// when the chunk failed or the consumer stopped, and returns a requirement's
// error.
func (r *run) process(ctx context.Context, chunk string, flush bool) error {
	index := r.next
	r.next++
	if len(r.names) > 0 {
		results, err := r.check(ctx, chunk)
		if err != nil {
			return err
		}
		passed := !anyFail(results)
		r.emit(ctx, hooks.QuickCheckEvent{ChunkIndex: index, Attempt: 1, Passed: passed, Results: results}, r.names)
		if !passed {
			r.halted = true
			r.failure = failureReason(results, flush)
			return nil
		}
	}
	r.emit(ctx, hooks.ChunkEvent{Text: chunk, ChunkIndex: index, Attempt: 1}, nil)
	r.markDelivered(chunk)
	if !r.yield(chunk, nil) {
		r.gone = true
		r.halted, r.stopped = true, true
	} else if r.s.stopped() {
		r.halted, r.stopped = true, true
	}
	return nil
}

// markDelivered moves the end of the delivered text past chunk, found in the
// accumulated text after the previous delivered chunk. A chunk that is not
// found there (a chunker that rewrites text) leaves it in place.
func (r *run) markDelivered(chunk string) {
	acc := r.acc.String()
	if i := strings.Index(acc[r.delivered:], chunk); i >= 0 {
		r.delivered += i + len(chunk)
	}
}

func anyFail(results []hooks.CheckResult) bool {
	for _, res := range results {
		if res.Outcome == hooks.Fail {
			return true
		}
	}
	return false
}

// failureReason is the failure text of the last failing result.
func failureReason(results []hooks.CheckResult, flush bool) string {
	reason := ""
	for _, res := range results {
		if res.Outcome == hooks.Fail {
			reason = res.Reason
		}
	}
	if flush {
		return "Streaming validation failed on flush: " + reason
	}
	return "Streaming validation failed: " + reason
}
