package requirement_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/stdlib/requirement"
)

func TestFunc_JudgesChunksAndFullTextWithOneFunction(t *testing.T) {
	var seen []string
	r := requirement.Func("no shouting", func(_ context.Context, text string) (requirement.Result, error) {
		seen = append(seen, text)
		if text == strings.ToUpper(text) {
			return requirement.Result{Outcome: hooks.Fail, Reason: "shouted"}, nil
		}
		return requirement.Result{Outcome: hooks.Pass}, nil
	})
	if r.Description() != "no shouting" || requirement.Name(r) != "Func" {
		t.Fatalf("description %q, name %q", r.Description(), requirement.Name(r))
	}
	ctx := context.Background()
	if res, err := r.Check(ctx, nil, "Hello."); err != nil || res.Outcome != hooks.Pass {
		t.Fatalf("Check = %+v, %v", res, err)
	}
	if res, err := r.Validate(ctx, nil, "HELLO. WORLD."); err != nil || res.Outcome != hooks.Fail || res.Reason != "shouted" {
		t.Fatalf("Validate = %+v, %v", res, err)
	}
	if strings.Join(seen, "|") != "Hello.|HELLO. WORLD." {
		t.Fatalf("check saw %q", seen)
	}
	boom := errors.New("boom")
	bad := requirement.Func("x", func(context.Context, string) (requirement.Result, error) { return requirement.Result{}, boom })
	if _, err := bad.Check(ctx, nil, "x"); !errors.Is(err, boom) {
		t.Fatalf("error = %v", err)
	}
}
