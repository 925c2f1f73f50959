package hooks

import (
	"context"
	"fmt"
	"time"
)

// Mode says what a plugin may do and when it runs, as in mellea (cpex).
// At each hook the plugins run in groups, in the order of the modes below;
// within a group, by priority (lower first), then in registration order.
type Mode uint8

// The plugin modes, in the order their groups run.
const (
	// Sequential plugins run one at a time, each on the payload the one
	// before left; they may change writable fields and block.
	Sequential Mode = iota
	// Transform plugins run one at a time after the sequential ones; they
	// may change writable fields. A block is reported and ignored.
	Transform
	// Audit plugins run one at a time after the transform ones and observe
	// only: a change or a block is reported and ignored.
	Audit
	// Concurrent plugins run together after the audit ones, on the payload
	// as the groups before left it. They may block: the first block wins and
	// cancels the others' context. A change is reported and ignored.
	Concurrent
	// FireAndForget plugins run last, in the background, on a snapshot of
	// the payload; nothing they return is used. Shutdown waits for them.
	FireAndForget
)

var modeNames = [...]string{"sequential", "transform", "audit", "concurrent", "fire_and_forget"}

func (m Mode) String() string {
	if int(m) < len(modeNames) {
		return modeNames[m]
	}
	return fmt.Sprintf("mode(%d)", m)
}

func (m Mode) mayModify() bool { return m == Sequential || m == Transform }
func (m Mode) mayBlock() bool  { return m == Sequential || m == Concurrent }

// DefaultPriority is a plugin's priority unless WithPriority (or a Set's
// priority) says otherwise. Lower priorities run first.
const DefaultPriority = 50

// DefaultTimeout bounds each handler call of a plugin unless WithTimeout
// says otherwise, as mellea does.
const DefaultTimeout = 5 * time.Second

// Handler is a plugin's function for one hook. It receives the context of
// the hooked operation and the payload; a plugin in a modifying mode gets its
// own copy, and the audit plugins of one dispatch share one copy (read it,
// never change it). At streaming_event, which fires per chunk, they share
// the payload itself, made (or, see WithBorrowedPayloads, lent) for them;
// its slices (Requirements, an event's Results) are read-only too. The
// zero Result means "carry on unchanged".
type Handler func(ctx context.Context, p Payload) Result

// Result is what a handler asks for.
type Result struct {
	// Context, from a start hook (session_pre_init, session_post_init,
	// component_pre_execute, generation_pre_call, streaming_start,
	// span_start), replaces
	// the operation's context for the rest of it and for its end hook. It
	// must derive from the context the handler was given. Ignored elsewhere
	// and for concurrent and fire-and-forget plugins.
	Context context.Context
	// Payload is the changed payload (sequential and transform plugins, at
	// hooks with writable fields). Only writable fields are taken; changes
	// to other fields are reported and dropped.
	Payload Payload
	// Block stops the operation (sequential and concurrent plugins, at
	// blockable hooks).
	Block *Violation
}

// Violation says why a plugin blocks. Code is optional, such as
// "BUDGET_EXCEEDED".
type Violation struct {
	Reason string
	Code   string
}

// Option configures a plugin at registration.
type Option func(*plugin)

// WithMode sets the plugin's mode; the default is Sequential.
func WithMode(m Mode) Option { return func(p *plugin) { p.mode = m } }

// WithPriority sets the plugin's priority within its mode's group; lower
// runs first. A Set with a priority overrides it.
func WithPriority(n int) Option { return func(p *plugin) { p.priority = n } }

// WithTimeout bounds each call of the plugin's handlers; the default is
// DefaultTimeout. A call that overruns is reported (an *OverrunError) and
// the operation goes on without its result; its context is cancelled and
// the call finishes in the background (Shutdown waits for it). Zero means
// no bound: the handler runs on the caller's goroutine and costs no
// goroutine per call.
func WithTimeout(d time.Duration) Option { return func(p *plugin) { p.timeout = d } }

// WithBorrowedPayloads says that the plugin's handlers keep nothing of the
// payload they are given once they return: no pointer to it or into it
// (its Base included), though they may keep the values they read, such as
// its strings, its Event or its slices. Where every plugin that reads a
// streaming_event payload itself (an audit plugin with no time bound)
// says so, the payload of each event is lent to them from a pool and
// reused for a later event, instead of made for each: one allocation less
// per event, twice per chunk. A handler that keeps the payload (appends
// it to a list, hands it to a goroutine) must not use this option: it
// would see the payload change under it. The telemetry plugins use it.
func WithBorrowedPayloads() Option { return func(p *plugin) { p.borrows = true } }

type plugin struct {
	name     string
	mode     Mode
	priority int
	timeout  time.Duration
	borrows  bool   // WithBorrowedPayloads
	seq      uint64 // registration order, breaks priority ties
	handlers map[Hook]Handler
}
