package openai

import (
	"errors"
	"fmt"
	"time"
)

// DeltaTimeoutError reports a stream that sent no chunk within
// Config.DeltaTimeout. It is the Err of a *backend.Error of category
// timeout.
type DeltaTimeoutError struct {
	Timeout time.Duration
}

func (e *DeltaTimeoutError) Error() string {
	return fmt.Sprintf("no stream data within the delta timeout of %v", e.Timeout)
}

// ErrTruncated reports a stream that ended, without a transport error, before
// any choice had a finish reason: the server or a proxy cut it short. It is
// the Err of a *backend.Error of category transport_error.
var ErrTruncated = errors.New("stream ended before a finish reason")

// MalformedError reports stream data that is not a valid chunk. It is the
// Err of a *backend.Error of category transport_error: the bytes on the
// wire broke the protocol, the request itself was fine.
type MalformedError struct {
	Err error
}

func (e *MalformedError) Error() string { return fmt.Sprintf("malformed stream data: %v", e.Err) }

func (e *MalformedError) Unwrap() error { return e.Err }

// StreamError is an error event sent by the server in the middle of a
// stream (a chunk whose JSON has an "error" field). It is the Err of a
// *backend.Error whose category comes from its Code and Type.
type StreamError struct {
	Code    string // the error's code, as text (some servers send a number)
	Type    string
	Message string
}

func (e *StreamError) Error() string {
	return fmt.Sprintf("error event in stream: %s (type %q, code %q)", e.Message, e.Type, e.Code)
}
