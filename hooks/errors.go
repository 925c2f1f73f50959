package hooks

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Error categories, mellea's classification of a failure, carried in
// payloads as ErrorCategory and used by the mellea.llm.errors metric.
const (
	CategoryRateLimit      = "rate_limit"
	CategoryTimeout        = "timeout"
	CategoryContentPolicy  = "content_policy"
	CategoryAuth           = "auth"
	CategoryInvalidRequest = "invalid_request"
	CategoryTransport      = "transport_error"
	CategoryServer         = "server_error"
	CategoryUnknown        = "unknown"
)

// Categorized is implemented by errors that know their category.
type Categorized interface {
	ErrorCategory() string
}

// ErrorCategory returns the category of err: the first error in its chain
// that implements Categorized decides; a context deadline is a timeout;
// anything else is unknown. It returns "" for a nil error.
func ErrorCategory(err error) string {
	if err == nil {
		return ""
	}
	var c Categorized
	if errors.As(err, &c) {
		return c.ErrorCategory()
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return CategoryTimeout
	}
	return CategoryUnknown
}

// ErrCancelled is what a generation stopped on purpose ends with: a failed
// check, a consumer that stopped reading, Close, a cancelled or expired
// context. errors.Is(err, ErrCancelled) recognises it whatever wraps it.
// Telemetry reports it as a cancellation, never as an LLM error.
var ErrCancelled = errors.New("generation cancelled")

// Kinded is implemented by errors that name their kind of failure, the
// error.type of telemetry: a stable, low-cardinality name such as
// "RateLimitError".
type Kinded interface {
	ErrorKind() string
}

// The kinds of failure that ErrorKind names without help from the error.
const (
	KindCancelled = "cancelled"    // ErrCancelled, context.Canceled
	KindDeadline  = "TimeoutError" // context.DeadlineExceeded outside a backend
	KindPanic     = "PanicError"   // a recovered panic
	KindOther     = "_OTHER"       // anything else (OpenTelemetry's fallback)
)

// ErrorKind returns the kind of failure of err, for error.type and
// exception_type: KindCancelled for a cancellation (ErrCancelled,
// context.Canceled), else the kind of the first error in its chain that
// implements Kinded, else KindPanic for a *PanicError, KindDeadline for a
// context deadline and KindOther for anything else. It is never a Go type
// name, so dashboards can tell kinds of failure apart with few values. It
// returns "" for a nil error.
func ErrorKind(err error) string {
	if err == nil {
		return ""
	}
	if errors.Is(err, ErrCancelled) || errors.Is(err, context.Canceled) {
		return KindCancelled
	}
	var k Kinded
	if errors.As(err, &k) {
		return k.ErrorKind()
	}
	var pe *PanicError
	switch {
	case errors.As(err, &pe):
		return KindPanic
	case errors.Is(err, context.DeadlineExceeded):
		return KindDeadline
	}
	return KindOther
}

// BlockedError is returned when a plugin stops an operation. It reads
// "plugin <name> blocked <hook>: [<code>] <reason>", the "[<code>] " part
// only when the plugin gave a code.
type BlockedError struct {
	Plugin string
	Hook   Hook
	Reason string
	Code   string
}

func (e *BlockedError) Error() string {
	if e.Code == "" {
		return fmt.Sprintf("plugin %s blocked %s: %s", e.Plugin, e.Hook, e.Reason)
	}
	return fmt.Sprintf("plugin %s blocked %s: [%s] %s", e.Plugin, e.Hook, e.Code, e.Reason)
}

// OverrunError is what a handler call past its time bound is reported
// with (in a *PluginError, which names the plugin and the hook), and the
// cause of the cancel of the handler's context.
type OverrunError struct {
	Bound time.Duration
}

func (e *OverrunError) Error() string {
	return fmt.Sprintf("overran its time bound of %v; result ignored", e.Bound)
}

// PluginError reports a plugin that failed without breaking the program: it
// panicked, overran its timeout, or broke a rule of its mode (changed an
// observe-only payload, blocked where it may not).
type PluginError struct {
	Plugin string
	Hook   Hook
	Err    error
}

func (e *PluginError) Error() string {
	return fmt.Sprintf("plugin %q on %s: %v", e.Plugin, e.Hook, e.Err)
}

func (e *PluginError) Unwrap() error { return e.Err }

// PanicError carries a value recovered from a panic: a panicking plugin's, or
// the panic that ended a woven lifecycle (reported to its end hook before the
// panic continues).
type PanicError struct {
	Value any
}

func (e *PanicError) Error() string { return fmt.Sprintf("panic: %v", e.Value) }
