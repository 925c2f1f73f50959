package streaming

import (
	"context"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/stdlib/backend"
	"github.com/hookweave/hookweave/stdlib/chunking"
	"github.com/hookweave/hookweave/stdlib/requirement"
)

// Option configures a Stream.
type Option func(*config)

// Wrapper runs a stream inside an enclosing operation, such as a session's
// action: it must call run at most once, with a context derived from ctx,
// and return run's error. It may change the setup (the request's messages,
// model options, format..., and the requirements) before calling run. If it
// returns without calling run, the stream never starts: no streaming hook
// fires and the consumer gets the wrapper's error.
type Wrapper func(ctx context.Context, setup *Setup, run func(ctx context.Context) error) error

// Setup is what a Wrapper may change before the stream runs.
type Setup struct {
	Request backend.Request
	// Requirements are the stream's own copies; requirements a wrapper puts
	// here are copied again when run is called.
	Requirements []requirement.Requirement
	// Strategy is the stream's sampling strategy; nil for one attempt.
	Strategy Strategy
}

type config struct {
	requirements []requirement.Requirement
	chunker      chunking.Chunker
	validator    backend.Backend
	wrap         Wrapper
	events       func(hooks.Event)
	strategy     Strategy
}

// WithRequirements adds requirements that every chunk and the full text are
// checked against. The Stream works on copies.
func WithRequirements(reqs ...requirement.Requirement) Option {
	return func(c *config) { c.requirements = append(c.requirements, reqs...) }
}

// WithChunker sets how the reply is cut into chunks; nil or absent means
// sentences (chunking.ByName("")).
func WithChunker(ch chunking.Chunker) Option {
	return func(c *config) { c.chunker = ch }
}

// WithValidator sets the backend the requirements ask (an LLM judge); nil or
// absent means the generating backend.
func WithValidator(b backend.Backend) Option {
	return func(c *config) { c.validator = b }
}

// WithEvents calls fn with each of the stream's events (QuickCheckEvent,
// ChunkEvent, StreamingDoneEvent, FullValidationEvent, RetryEvent,
// ErrorEvent, CompletedEvent), in the order they are emitted, on the consumer's
// goroutine, before the plugins listening to streaming_event see it. It
// works in plain and woven builds alike, with no plugin registered. A panic
// in fn is contained like a plugin's: reported (see hooks.SetReporter) and
// the stream goes on. Several WithEvents add several functions, called in
// order.
func WithEvents(fn func(hooks.Event)) Option {
	return func(c *config) {
		if prev := c.events; prev != nil && fn != nil {
			c.events = func(ev hooks.Event) { prev(ev); fn(ev) }
		} else if fn != nil {
			c.events = fn
		}
	}
}

// WithStrategy makes the stream retry within s's budget: an attempt fails
// on a failed per-chunk check, or on a failed full validation after a
// natural end; its generation is then cancelled, a hooks.RetryEvent is
// emitted, and the next attempt runs on s's repair of the request, with
// fresh copies of the requirements and an empty chunking state. The
// consumer's chunks go on across attempts: the chunks a failed attempt
// delivered stay delivered (see Stream.Attempt to tell attempts apart).
// An error, a consumer stop, Close or a cancelled context ends the whole
// stream, whatever the attempt. nil means one attempt.
func WithStrategy(s Strategy) Option {
	return func(c *config) { c.strategy = s }
}

// WithWrapper runs the stream inside w. Package session uses it to open the
// component lifecycle around the streaming one.
func WithWrapper(w Wrapper) Option {
	return func(c *config) { c.wrap = w }
}

func newConfig(b backend.Backend, opts []Option) config {
	var c config
	for _, o := range opts {
		o(&c)
	}
	c.requirements = copyRequirements(c.requirements)
	if c.chunker == nil {
		c.chunker, _ = chunking.ByName("")
	}
	if c.validator == nil {
		c.validator = b
	}
	if c.wrap == nil {
		c.wrap = func(ctx context.Context, _ *Setup, run func(context.Context) error) error {
			return run(ctx)
		}
	}
	return c
}

// copyRequirements returns a new slice of the requirements, each cloned when
// it implements requirement.Cloner.
func copyRequirements(reqs []requirement.Requirement) []requirement.Requirement {
	out := make([]requirement.Requirement, len(reqs))
	for i, r := range reqs {
		if c, ok := r.(requirement.Cloner); ok {
			r = c.Clone()
		}
		out[i] = r
	}
	return out
}
