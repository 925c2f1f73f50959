package backend

import (
	"errors"
	"fmt"

	"github.com/hookweave/hookweave/hooks"
)

// Error is a backend failure, classified into one of the hooks.Category*
// categories.
type Error struct {
	Provider   string
	Category   string // one of hooks.Category*
	StatusCode int    // the HTTP status, when there was one
	Err        error
}

func (e *Error) Error() string {
	if e.StatusCode != 0 {
		return fmt.Sprintf("%s: %s (HTTP %d): %v", e.Provider, e.Category, e.StatusCode, e.Err)
	}
	return fmt.Sprintf("%s: %s: %v", e.Provider, e.Category, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// ErrorCategory implements hooks.Categorized.
func (e *Error) ErrorCategory() string { return e.Category }

// CategoryForStatus maps an HTTP status to its error category.
func CategoryForStatus(code int) string {
	switch {
	case code == 401 || code == 403:
		return hooks.CategoryAuth
	case code == 429:
		return hooks.CategoryRateLimit
	case code == 408 || code == 504:
		return hooks.CategoryTimeout
	case code >= 500:
		return hooks.CategoryServer
	case code == 400 || code == 404 || code == 413 || code == 422:
		return hooks.CategoryInvalidRequest
	}
	return hooks.CategoryUnknown
}

// cancelled wraps err, what a stopped generation returned, so that it
// reads as a cancellation and still unwraps to err (ctx.Err(), the
// callback's error).
func cancelled(err error) error {
	if errors.Is(err, hooks.ErrCancelled) {
		return err
	}
	return fmt.Errorf("%w: %w", hooks.ErrCancelled, err)
}

// Kinds of backend failure, the error.type of telemetry (as the exception
// classes of OpenAI's Python client name them, which mellea reports).
const (
	KindBadRequest     = "BadRequestError"
	KindAuthentication = "AuthenticationError"
	KindPermission     = "PermissionDeniedError"
	KindNotFound       = "NotFoundError"
	KindConflict       = "ConflictError"
	KindUnprocessable  = "UnprocessableEntityError"
	KindRateLimit      = "RateLimitError"
	KindServer         = "InternalServerError"
	KindAPIStatus      = "APIStatusError"
	KindAPITimeout     = "APITimeoutError"
	KindAPIConnection  = "APIConnectionError"
	KindAPI            = "APIError"
)

// ErrorKind implements hooks.Kinded: the kind of failure by HTTP status
// when there is one, else by category.
func (e *Error) ErrorKind() string {
	if e.StatusCode != 0 {
		return kindForStatus(e.StatusCode)
	}
	switch e.Category {
	case hooks.CategoryRateLimit:
		return KindRateLimit
	case hooks.CategoryTimeout:
		return KindAPITimeout
	case hooks.CategoryTransport:
		return KindAPIConnection
	case hooks.CategoryAuth:
		return KindAuthentication
	case hooks.CategoryInvalidRequest, hooks.CategoryContentPolicy:
		return KindBadRequest
	case hooks.CategoryServer:
		return KindServer
	}
	return KindAPI
}

func kindForStatus(code int) string {
	switch {
	case code == 400:
		return KindBadRequest
	case code == 401:
		return KindAuthentication
	case code == 403:
		return KindPermission
	case code == 404:
		return KindNotFound
	case code == 409:
		return KindConflict
	case code == 422:
		return KindUnprocessable
	case code == 429:
		return KindRateLimit
	case code >= 500:
		return KindServer
	}
	return KindAPIStatus
}
