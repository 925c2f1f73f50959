package streaming_test

import (
	"context"
	"errors"
	"testing"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/hooks/hookstest"
	"github.com/hookweave/hookweave/stdlib/backend/scripted"
	"github.com/hookweave/hookweave/stdlib/streaming"
)

// generationError returns the error of the one generation_error fired, or
// fails.
func generationError(t *testing.T, rec *hookstest.Recorder) error {
	t.Helper()
	var errs []error
	for _, g := range hookstest.PayloadsOf[*hooks.GenerationPayload](rec) {
		if g.Hook == hooks.GenerationError {
			errs = append(errs, g.Err)
		}
	}
	if len(errs) != 1 {
		t.Fatalf("%d generation_error payloads, want 1", len(errs))
	}
	return errs[0]
}

// A generation stopped on purpose ends with hooks.ErrCancelled; one that
// failed on its own does not.
func TestGenerationStoppedOnPurposeIsCancelled(t *testing.T) {
	if !hooks.Woven() {
		t.Skip("the generation lifecycle fires only in a woven build")
	}
	for _, tc := range []struct {
		name      string
		run       func(context.Context, context.CancelFunc) *streaming.Stream
		cancelled bool
	}{
		{"failed check", func(ctx context.Context, _ context.CancelFunc) *streaming.Stream {
			s := streaming.New(ctx, scripted.New(threeSentences, scripted.WithDelta(1)), request("x"), streaming.WithRequirements(forbid{"Two"}))
			hookstest.Drain(s.Chunks())
			return s
		}, true},
		{"consumer break", func(ctx context.Context, _ context.CancelFunc) *streaming.Stream {
			s := streaming.New(ctx, scripted.New(threeSentences, scripted.WithDelta(1)), request("x"))
			for range s.Chunks() {
				break
			}
			return s
		}, true},
		{"cancelled context", func(ctx context.Context, cancel context.CancelFunc) *streaming.Stream {
			s := streaming.New(ctx, scripted.New(threeSentences, scripted.WithDelta(1)), request("x"))
			for range s.Chunks() {
				cancel()
			}
			return s
		}, true},
		{"backend failure", func(ctx context.Context, _ context.CancelFunc) *streaming.Stream {
			s := streaming.New(ctx, scripted.New(threeSentences, scripted.WithFailAfter(3)), request("x"))
			hookstest.Drain(s.Chunks())
			return s
		}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := hookstest.Record(t)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			tc.run(ctx, cancel)
			err := generationError(t, rec)
			if got := errors.Is(err, hooks.ErrCancelled); got != tc.cancelled {
				t.Errorf("errors.Is(%v, ErrCancelled) = %v, want %v", err, got, tc.cancelled)
			}
			if tc.cancelled && hooks.ErrorKind(err) != hooks.KindCancelled {
				t.Errorf("error.type of %v = %q", err, hooks.ErrorKind(err))
			}
		})
	}
}
