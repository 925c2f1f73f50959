package requirement

import (
	"context"

	"github.com/hookweave/hookweave/stdlib/backend"
)

// FuncRequirement judges every chunk, and the full text, with a function:
// the port of mellea's validation_fn and simple_validate. It asks no model.
type FuncRequirement struct {
	Desc string
	Fn   func(ctx context.Context, text string) (Result, error)
}

var (
	_ Requirement = FuncRequirement{}
	_ Namer       = FuncRequirement{}
)

// Func returns a requirement described by description that check judges:
// check is called with every chunk and then with the full text. check may
// be called concurrently with other requirements' calls, never with itself
// on one stream. It panics if check is nil.
func Func(description string, check func(ctx context.Context, text string) (Result, error)) FuncRequirement {
	if check == nil {
		panic("requirement: Func with a nil check")
	}
	return FuncRequirement{Desc: description, Fn: check}
}

// Name reports "Func".
func (FuncRequirement) Name() string { return "Func" }

// Description implements Requirement.
func (f FuncRequirement) Description() string { return f.Desc }

// Check implements Requirement: Fn on the chunk.
func (f FuncRequirement) Check(ctx context.Context, _ backend.Backend, chunk string) (Result, error) {
	return f.Fn(ctx, chunk)
}

// Validate implements Requirement: Fn on the full text.
func (f FuncRequirement) Validate(ctx context.Context, _ backend.Backend, fullText string) (Result, error) {
	return f.Fn(ctx, fullText)
}
