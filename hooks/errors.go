package hooks

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"time"
)

// Error categories of SPEC §5, carried in payloads as ErrorCategory and used
// by the mellea.llm.errors metric.
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

// ErrorType returns the type name of err for error.type and exception_type:
// the name of the first error in its chain that is not a plain wrapper made
// by fmt.Errorf or errors.Join, such as "*scripted.FaultError". It returns ""
// for a nil error.
func ErrorType(err error) string {
	for err != nil {
		t := reflect.TypeOf(err)
		if !isPlainWrapper(t) {
			return t.String()
		}
		next := errors.Unwrap(err)
		if next == nil {
			return t.String()
		}
		err = next
	}
	return ""
}

func isPlainWrapper(t reflect.Type) bool {
	switch t.String() {
	case "*fmt.wrapError", "*fmt.wrapErrors", "*errors.joinError":
		return true
	}
	return false
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
