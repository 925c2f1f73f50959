package streaming_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/hooks/hookstest"
	"github.com/hookweave/hookweave/stdlib/backend"
	"github.com/hookweave/hookweave/stdlib/backend/scripted"
	"github.com/hookweave/hookweave/stdlib/requirement"
	"github.com/hookweave/hookweave/stdlib/streaming"
)

// logged appends its name to a log shared, without a lock, with the other
// logged requirements of a stream: the race detector reports two calls
// that overlap.
type logged struct {
	name string
	log  *[]string
}

func (l logged) Description() string { return "logged " + l.name }
func (l logged) Check(context.Context, backend.Backend, string) (requirement.Result, error) {
	*l.log = append(*l.log, "check "+l.name)
	return requirement.Result{Outcome: hooks.Pass}, nil
}
func (l logged) Validate(context.Context, backend.Backend, string) (requirement.Result, error) {
	*l.log = append(*l.log, "validate "+l.name)
	return requirement.Result{Outcome: hooks.Pass}, nil
}

// Requirements that do not say they are slow are called one after
// another, in requirement order, for every chunk and for the full text.
func TestFastRequirementsRunInOrder(t *testing.T) {
	var log []string
	s := streaming.New(context.Background(), scripted.New("One. Two. "), request("x"),
		streaming.WithRequirements(logged{"a", &log}, logged{"b", &log}, logged{"c", &log}))
	if chunks, errs := hookstest.Drain(s.Chunks()); len(chunks) != 2 || len(errs) != 0 {
		t.Fatalf("chunks %q, errors %v", chunks, errs)
	}
	want := strings.Split("check a,check b,check c,check a,check b,check c,validate a,validate b,validate c", ",")
	if !slices.Equal(log, want) {
		t.Errorf("calls %q, want %q", log, want)
	}
}

// rendezvous is a slow requirement whose calls return only once n of them
// have started: they pass when they overlap and err when they do not
// within a few seconds.
type rendezvous struct {
	arrived *sync.WaitGroup
}

func newRendezvous(n int) rendezvous {
	var wg sync.WaitGroup
	wg.Add(n)
	return rendezvous{&wg}
}

func (rendezvous) Description() string { return "meets the others" }
func (rendezvous) SlowCheck() bool     { return false }
func (rendezvous) SlowValidate() bool  { return true }
func (rendezvous) Check(context.Context, backend.Backend, string) (requirement.Result, error) {
	return requirement.Result{Outcome: hooks.Pass}, nil
}
func (r rendezvous) Validate(ctx context.Context, _ backend.Backend, _ string) (requirement.Result, error) {
	r.arrived.Done()
	met := make(chan struct{})
	go func() { r.arrived.Wait(); close(met) }()
	select {
	case <-met:
		return requirement.Result{Outcome: hooks.Pass}, nil
	case <-time.After(5 * time.Second):
		return requirement.Result{}, fmt.Errorf("the other calls never started")
	}
}

// Slow calls overlap: two slow validations and a fast one each need the
// two slow ones to have started.
func TestSlowRequirementsRunConcurrently(t *testing.T) {
	meet := newRendezvous(2)
	var log []string
	s := streaming.New(context.Background(), scripted.New("One. "), request("x"),
		streaming.WithRequirements(meet, logged{"fast", &log}, meet))
	if chunks, errs := hookstest.Drain(s.Chunks()); len(chunks) != 1 || len(errs) != 0 {
		t.Fatalf("chunks %q, errors %v", chunks, errs)
	}
	res := s.Result()
	if !res.ValidationPassed || len(res.Validations) != 3 {
		t.Errorf("validations %+v", res.Validations)
	}
	if want := []string{"check fast", "validate fast"}; !slices.Equal(log, want) {
		t.Errorf("calls %q, want %q", log, want)
	}
}
