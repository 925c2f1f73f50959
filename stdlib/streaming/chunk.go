package streaming

import (
	"context"
	"fmt"
	"strings"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/stdlib/chunking"
)

// onDelta appends a delta and processes the chunks it completes. It returns
// errHalt to stop generation, a requirement's error, or a *ChunkerError.
func (r *run) onDelta(ctx context.Context, delta string) error {
	chunks, err := r.cut(delta)
	if err != nil {
		return err
	}
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

// cut appends delta to the accumulated text and cuts the chunks it
// completes. With a Resumer the text not yet cut is the tail of the
// accumulated text, handed over without a copy, and the chunker resumes
// its scan at its mark: each byte is copied and scanned a bounded number of
// times, whatever the deltas and however far apart the boundaries. A
// plain Chunker gets the pending text and the delta joined, and rescans it.
func (r *run) cut(delta string) ([]string, error) {
	if r.acc.Cap()-r.acc.Len() < len(delta) {
		// Double, where append grows large buffers by a quarter: the
		// text already held is copied at most once over on average.
		r.acc.Grow(max(len(delta), r.acc.Len()))
	}
	r.acc.WriteString(delta)
	if r.resumer == nil {
		buf := r.pending + delta
		chunks, rest := r.s.cfg.chunker.Split(buf)
		if err := checkSplit(r.s.cfg.chunker, buf, chunks, rest); err != nil {
			return nil, err
		}
		r.pending = rest
		return chunks, nil
	}
	acc := r.acc.String()
	buf := acc[len(acc)-len(r.pending)-len(delta):]
	chunks, rest, mark := r.resumer.SplitFrom(buf, r.mark)
	if mark < 0 || mark > len(rest) {
		return nil, &ChunkerError{chunking.Name(r.resumer), fmt.Sprintf("split returned mark %d for a rest of %d bytes", mark, len(rest))}
	}
	// A rest that is a slice of buf, as the built-in chunkers return,
	// compares in constant time: the check keeps the scan linear.
	if !r.trusted {
		if err := checkSplit(r.resumer, buf, chunks, rest); err != nil {
			return nil, err
		}
	}
	r.pending, r.mark = rest, mark
	return chunks, nil
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
		if !passed { // before the event: its results are the receivers' to read
			r.halted = true
			r.failure = failureReason(results, flush)
			r.failures = failing(results)
		}
		if r.emitting() { // boxing the event costs an allocation
			r.emit(ctx, hooks.QuickCheckEvent{ChunkIndex: index, Attempt: r.number, Passed: passed, Results: results}, r.activeNames())
		}
		if !passed {
			return nil
		}
	}
	if r.emitting() {
		r.emit(ctx, hooks.ChunkEvent{Text: chunk, ChunkIndex: index, Attempt: r.number}, nil)
	}
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

// failing returns the failing results, in order.
func failing(results []hooks.CheckResult) []hooks.CheckResult {
	var out []hooks.CheckResult
	for _, res := range results {
		if res.Outcome == hooks.Fail {
			out = append(out, res)
		}
	}
	return out
}

// lastReason is the reason of the last failing result.
func lastReason(results []hooks.CheckResult) string {
	reason := ""
	for _, res := range results {
		if res.Outcome == hooks.Fail {
			reason = res.Reason
		}
	}
	return reason
}

// failureReason is the failure text of the last failing result.
func failureReason(results []hooks.CheckResult, flush bool) string {
	reason := lastReason(results)
	if flush {
		return "Streaming validation failed on flush: " + reason
	}
	return "Streaming validation failed: " + reason
}
