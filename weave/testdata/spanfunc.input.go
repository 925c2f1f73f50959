// Package spanfunc: spans on plain functions, whatever their results. An
// unnamed error result is named so that the end hook sees it; other
// results stay as written; a function without annotation is untouched.
package spanfunc

import (
	"context"
	"errors"
)

//mellea:hook span
func lookup(ctx context.Context, key string) (string, error) {
	if key == "" {
		return "", errors.New("no key")
	}
	return key, nil
}

// Retrieve names its span and its context; its error result is unnamed
// and unparenthesised.
//
//mellea:hook span name=retrieve.docs ctx=c
func Retrieve(n int, c context.Context) error { return c.Err() }

// count has no error result: only a panic is its span's outcome.
//
//mellea:hook span
func count(ctx context.Context, xs []int) int { return len(xs) }

//mellea:hook span
func notify(ctx context.Context) {}

func untouched(ctx context.Context) error { return nil }
