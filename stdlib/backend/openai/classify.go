package openai

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"strconv"
	"strings"

	sdk "github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/packages/ssestream"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/stdlib/backend"
)

// fail turns the error that ended a call into the error Stream or Generate
// returns. ctx is the caller's context; call is the call's own, which the
// watchdog cancels. A cancel of ctx is returned as ctx.Err(), as the
// backend.Streamer contract says; everything else is a *backend.Error.
func fail(ctx, call context.Context, err error) error {
	if err == nil {
		return nil
	}
	if ctx.Err() != nil {
		return contextError(ctx)
	}
	var dt *DeltaTimeoutError
	if errors.As(context.Cause(call), &dt) {
		return newError(hooks.CategoryTimeout, 0, dt)
	}
	return classify(err)
}

// contextError is the error for a call whose caller's context ended: a
// timeout for a deadline, ctx.Err() itself for a cancel.
func contextError(ctx context.Context) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return newError(hooks.CategoryTimeout, 0, ctx.Err())
	}
	return ctx.Err()
}

// classify gives err its category.
func classify(err error) *backend.Error {
	var apiErr *sdk.Error
	var evErr *ssestream.StreamError
	var netErr net.Error
	switch {
	case errors.As(err, &apiErr):
		return newError(apiCategory(apiErr.StatusCode, apiErr.Code, apiErr.Type), apiErr.StatusCode, withCode(apiErr))
	case errors.As(err, &evErr):
		se := parseStreamError(evErr)
		return newError(apiCategory(se.status(), se.Code, se.Type), 0, se)
	case isMalformed(err):
		return newError(hooks.CategoryTransport, 0, &MalformedError{Err: err})
	case errors.As(err, &netErr) && netErr.Timeout():
		return newError(hooks.CategoryTimeout, 0, err)
	case errors.As(err, &netErr), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF), errors.Is(err, ErrTruncated):
		return newError(hooks.CategoryTransport, 0, err)
	}
	return newError(hooks.CategoryUnknown, 0, err)
}

// withCode adds the API error's code, when it has one, to its message (the
// SDK's message leaves out the server's text, which may hold secrets).
func withCode(e *sdk.Error) error {
	if e.Code == "" {
		return e
	}
	return fmt.Errorf("%w (code %q)", e, e.Code)
}

func newError(category string, status int, err error) *backend.Error {
	return &backend.Error{Provider: Provider, Category: category, StatusCode: status, Err: err}
}

// apiCategory is the category of an API error: content_policy when its
// code or type names a content filter or policy, else by HTTP status,
// else by type.
func apiCategory(status int, code, typ string) string {
	if isContentPolicy(code) || isContentPolicy(typ) {
		return hooks.CategoryContentPolicy
	}
	if status != 0 {
		return backend.CategoryForStatus(status)
	}
	return typeCategory(code + " " + typ)
}

func isContentPolicy(s string) bool {
	s = strings.ToLower(s)
	return strings.Contains(s, "content_filter") || strings.Contains(s, "content_policy")
}

// typeCategory reads a category from an error's code and type words, for
// error events that carry no HTTP status. An event of no known kind is a
// server error: the server gave up on a request it had accepted.
func typeCategory(s string) string {
	s = strings.ToLower(s)
	switch {
	case strings.Contains(s, "rate_limit"):
		return hooks.CategoryRateLimit
	case strings.Contains(s, "invalid_request"):
		return hooks.CategoryInvalidRequest
	case strings.Contains(s, "auth") || strings.Contains(s, "api_key"):
		return hooks.CategoryAuth
	case strings.Contains(s, "timeout"):
		return hooks.CategoryTimeout
	}
	return hooks.CategoryServer
}

// isMalformed reports whether err is a failure to decode stream data.
func isMalformed(err error) bool {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	return errors.As(err, &syntax) || errors.As(err, &typ)
}

// parseStreamError reads the error object of an error event.
func parseStreamError(e *ssestream.StreamError) *StreamError {
	var ev struct {
		Error struct {
			Code    json.RawMessage `json:"code"`
			Type    string          `json:"type"`
			Message string          `json:"message"`
		} `json:"error"`
	}
	if err := json.Unmarshal(e.Event.Data, &ev); err != nil {
		return &StreamError{Message: e.Message}
	}
	code := string(ev.Error.Code)
	if s, err := strconv.Unquote(code); err == nil {
		code = s
	}
	if code == "null" {
		code = ""
	}
	return &StreamError{Code: code, Type: ev.Error.Type, Message: ev.Error.Message}
}

// status is the HTTP status a numeric code stands for, as vLLM sends it;
// zero otherwise.
func (e *StreamError) status() int {
	n, err := strconv.Atoi(e.Code)
	if err != nil || n < 400 || n > 599 {
		return 0
	}
	return n
}
