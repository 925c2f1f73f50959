package backend

import (
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
