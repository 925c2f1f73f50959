package scripted

import (
	"sync/atomic"
	"time"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/stdlib/backend"
)

// DefaultDelta is the number of runes per delta when WithDelta is not given.
const DefaultDelta = 8

// DefaultModel is the model name when WithModel is not given.
const DefaultModel = "scripted-model"

// config is what the options set.
type config struct {
	reply     func(req backend.Request) string
	delta     int
	delay     time.Duration
	model     string
	failAfter int // -1: never
	category  string
	stall     bool
}

func newConfig(reply string) config {
	return config{
		reply:     func(backend.Request) string { return reply },
		delta:     DefaultDelta,
		model:     DefaultModel,
		failAfter: -1,
		category:  hooks.CategoryServer,
	}
}

// Option configures a Backend.
type Option func(*config)

// WithDelta sets the number of runes per delta (the last delta may be
// shorter). A value below 1 means 1.
func WithDelta(n int) Option {
	return func(c *config) { c.delta = max(n, 1) }
}

// WithDelay sets the pause before every delta but the first. The pause
// ends early when the context is done.
func WithDelay(d time.Duration) Option {
	return func(c *config) { c.delay = d }
}

// WithModel sets the model name reported by Model and in Response.Model.
func WithModel(name string) Option {
	return func(c *config) { c.model = name }
}

// WithFailAfter makes the backend fail once n deltas have been delivered:
// Stream and Generate return a *backend.Error whose Err is a *FaultError,
// of category hooks.CategoryServer unless WithFailCategory says otherwise.
// When the reply has n deltas or fewer, the fault comes after the last of
// them instead of the normal end, so a scripted fault always happens.
// A negative n turns the fault off.
func WithFailAfter(n int) Option {
	return func(c *config) { c.failAfter = n }
}

// WithFailCategory sets the category of the WithFailAfter fault, one of
// the hooks.Category* constants.
func WithFailCategory(category string) Option {
	return func(c *config) { c.category = category }
}

// WithStall makes the backend stop producing and block until its context
// is done: from the start, or, with WithFailAfter(n), after n deltas (in
// place of the fault). It then returns a *backend.Error of category
// hooks.CategoryTimeout wrapping ctx.Err(), as a client sees a server that
// stopped answering, whether the context was cancelled or ran out of time.
func WithStall() Option {
	return func(c *config) { c.stall = true }
}

// WithReplyFunc computes the reply from each request, for a backend that
// answers per prompt (such as a judge in tests). f is called once per
// Stream or Generate, possibly from many goroutines at once, so it must be
// safe for concurrent use.
func WithReplyFunc(f func(req backend.Request) string) Option {
	return func(c *config) { c.reply = f }
}

// WithReplies makes the backend answer its calls in turn: the first Stream
// or Generate call gets replies[0], the next replies[1], and every call
// after the last reply gets the last one again; no replies means the
// reply given to New. It is how a demo or a test scripts the attempts of a
// retried stream. The calls are counted on the Backend, whatever their
// request, so a judge asking the same backend takes a reply too.
func WithReplies(replies ...string) Option {
	return func(c *config) {
		if len(replies) == 0 {
			return
		}
		var calls atomic.Int64
		c.reply = func(backend.Request) string {
			n := calls.Add(1) - 1
			return replies[min(n, int64(len(replies)-1))]
		}
	}
}
