package streaming

import (
	"context"
	"errors"
	"iter"
	"sync"
	"sync/atomic"

	"github.com/hookweave/hookweave/stdlib/backend"
)

// ErrUsed is yielded by Chunks when the Stream has already been iterated or
// closed: a Stream runs once.
var ErrUsed = errors.New("streaming: the stream has already been iterated or closed")

// Stream is one validated stream of a backend's reply. Make it with New,
// range over Chunks once, then read Result. A Stream that is never iterated
// must be closed; closing one that was iterated is harmless.
type Stream struct {
	ctx     context.Context
	backend backend.Backend
	req     backend.Request
	cfg     config

	mu     sync.Mutex
	state  state
	cancel context.CancelCauseFunc // cancels the running stream
	res    Result

	// stopping is set, under mu, when Close is called. The run reads it
	// after every chunk, so it is read without the lock.
	stopping atomic.Bool

	attempt atomic.Int32 // the attempt running, or the last one
}

type state uint8

const (
	idle state = iota
	running
	done
)

// New returns a stream of b's reply to req, under ctx. Nothing happens until
// Chunks is ranged over (or Close is called). Requirements are copied now.
func New(ctx context.Context, b backend.Backend, req backend.Request, opts ...Option) *Stream {
	return &Stream{ctx: ctx, backend: b, req: req, cfg: newConfig(b, opts)}
}

// Chunks returns the sequence of delivered chunks. Ranging over it runs the
// stream on the caller's goroutine. Every element is a chunk that passed
// every check, with a nil error, except possibly the last: an error that
// ended the stream, with an empty chunk. Breaking out of the loop stops
// generation. The sequence runs once; ranging again yields ErrUsed.
func (s *Stream) Chunks() iter.Seq2[string, error] {
	return func(yield func(string, error) bool) {
		if !s.begin() {
			yield("", ErrUsed)
			return
		}
		s.exec(yield)
	}
}

// Attempt returns the number of the attempt running (from 1), or of the
// last one once the stream has ended; 0 before the first. Read in the body
// of the loop over Chunks, it is the attempt of the chunk just received:
// with a strategy, a consumer that keeps the last number it saw knows that
// a new attempt began when the number changes, which is when a UI clears
// what the failed attempt showed. (A WithEvents function sees the same
// moment as the RetryEvent, just before the new attempt's first chunk.)
func (s *Stream) Attempt() int { return int(s.attempt.Load()) }

// Result returns the stream's outcome. It is final once Chunks' loop has
// ended or Close has returned on a stream never iterated (and, for a
// Wrapper, once run has returned).
func (s *Stream) Result() Result {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.res.clone()
}

// Close stops the stream. On a stream being iterated it stops generation
// (the loop ends with Result.Stopped) and returns without waiting; it may
// be called from the loop's body or from another goroutine. On a stream
// never iterated it runs the stream's lifecycle as a stopped stream, so its
// hooks and CompletedEvent still fire once. Further calls do nothing.
func (s *Stream) Close() {
	s.mu.Lock()
	switch s.state {
	case idle:
		s.state = running
		s.stopping.Store(true)
		s.mu.Unlock()
		s.exec(func(string, error) bool { return false })
		return
	case running:
		s.stopping.Store(true)
		if s.cancel != nil {
			s.cancel(errStopped)
		}
	}
	s.mu.Unlock()
}

var errRanTwice = errors.New("streaming: the wrapper ran the stream twice")

// errStopped is the cause of the cancel made by Close.
var errStopped = errors.New("streaming: stream closed")

// begin moves an idle stream to running.
func (s *Stream) begin() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state != idle {
		return false
	}
	s.state = running
	return true
}

// stopped reports whether Close was called.
func (s *Stream) stopped() bool { return s.stopping.Load() }

// exec runs the stream through its wrapper and yields its error, if any,
// once the stream's lifecycle has ended.
func (s *Stream) exec(yield func(string, error) bool) {
	ctx, cancel := context.WithCancelCause(s.ctx)
	defer cancel(nil)
	s.mu.Lock()
	s.cancel = cancel
	s.mu.Unlock()

	r := newRun(s, yield)
	defer s.finish(r)
	setup := &Setup{Request: s.req, Requirements: s.cfg.requirements, Strategy: s.cfg.strategy}
	err := s.cfg.wrap(ctx, setup, func(ctx context.Context) error {
		if r.started {
			return errRanTwice
		}
		r.started = true
		s.req = setup.Request
		s.cfg.requirements = copyRequirements(setup.Requirements)
		s.cfg.strategy = setup.Strategy
		r.setRequirements()
		defer s.record(r) // final before the wrapper ends, for its end hook
		err := r.stream(ctx)
		if err != nil && r.err == nil {
			r.err = err // a plugin blocked streaming_start
		}
		return err
	})
	if !r.started {
		r.err = err
	}
	if r.err != nil && !r.gone {
		r.gone = true
		yield("", r.err)
	}
}

// record sets the stream's result from r.
func (s *Stream) record(r *run) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.res = r.result()
}

// finish records r's outcome and marks the stream done.
func (s *Stream) finish(r *run) {
	s.record(r)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state = done
	s.cancel = nil
}
