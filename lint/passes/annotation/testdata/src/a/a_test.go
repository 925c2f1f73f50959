package a

import (
	"context"
	"testing"
)

// want +2 `^missing lifecycle: write //mellea:hook <lifecycle>, with one of session, component, generation, streaming, span$`
//
//mellea:hook
func (s *S) InTest(ctx context.Context) error { return nil }

func TestA(t *testing.T) {}
