package runtime

import (
	"context"
	"testing"

	"github.com/hookweave/hookweave/stdlib/backend"
	"github.com/hookweave/hookweave/stdlib/backend/scripted"
	"github.com/hookweave/hookweave/stdlib/chunking"
	"github.com/hookweave/hookweave/stdlib/requirement"
	"github.com/hookweave/hookweave/stdlib/streaming"
)

// The retry case: a reply of retrySentences sentences, then one that a
// Forbid requirement fails, so that every attempt streams and checks the
// whole reply and fails on its last chunk.
const (
	retrySentences = 500
	retryBudget    = 3
)

// BenchmarkRetry measures what one attempt of a retried stream costs
// (retried: a stream with RejectionSampling(retryBudget) whose every
// attempt fails on the reply's last sentence, retryBudget attempts) against
// fresh streams of the same reply (fresh: no strategy, one attempt each,
// retryBudget streams per operation, so that the two sides' operations are
// as long), alternately. Its ratio is about 1 when an attempt costs what a
// fresh stream costs and nothing is rescanned across attempts.
func BenchmarkRetry(b *testing.B) {
	be := scripted.New(sentences(retrySentences)+"This one is bad. ", scripted.WithDelta(perChunkDelta))
	opts := func() []streaming.Option {
		return []streaming.Option{streaming.WithChunker(chunking.Sentence{}),
			streaming.WithRequirements(requirement.MaxWords(50), requirement.Forbid("bad"))}
	}
	retried := append(opts(), streaming.WithStrategy(streaming.RejectionSampling(retryBudget)))
	fresh := opts()
	paired(b, "attempt",
		side{name: "retried", run: func() int {
			return attempts(b, streaming.New(context.Background(), be, backend.Request{}, retried...), retryBudget)
		}},
		side{name: "fresh", run: func() int {
			n := 0
			for range retryBudget {
				n += attempts(b, streaming.New(context.Background(), be, backend.Request{}, fresh...), 1)
			}
			return n
		}})
}

// attempts drains s and returns its number of attempts, which must be want.
func attempts(b *testing.B, s *streaming.Stream, want int) int {
	if chunks := drain(b, s); chunks != want*retrySentences {
		b.Fatalf("%d chunks, want %d", chunks, want*retrySentences)
	}
	res := s.Result()
	if len(res.Attempts) != want || res.Completed {
		b.Fatalf("%d attempts (completed %v), want %d failed", len(res.Attempts), res.Completed, want)
	}
	return want
}
