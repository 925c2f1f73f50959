// Package spanmethod: spans on methods of pointer, value and unnamed
// receivers, with named, blank and shadowed results.
package spanmethod

import (
	"context"
	"errors"
)

type store struct{ data map[string]string }

func (s *store) fetch(key string) (string, error) {
	if v, ok := s.data[key]; ok {
		return v, nil
	}
	return "", errors.New("missing " + key)
}

// get shadows its named results: return statements with values still set
// them, so the end hook sees the error returned.
//
//mellea:hook span
func (s *store) get(ctx context.Context, key string) (v string, err error) {
	if v, err := s.fetch(key); err != nil {
		return v, err
	}
	{
		err := errors.New("shadowed, never returned")
		_ = err
	}
	v, err = s.fetch(key)
	return
}

// size has a blank error result, which is named.
//
//mellea:hook span
func (s store) size(ctx context.Context) (n int, _ error) {
	return len(s.data), nil
}

//mellea:hook span
func (*store) reset(ctx context.Context) {}
