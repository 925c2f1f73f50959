package streaming

import (
	"fmt"
	"strings"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/stdlib/backend"
)

// Strategy is a sampling strategy: it makes a stream retry, within a
// budget of attempts, after an attempt fails (a failed per-chunk check, or
// a failed full validation after a natural end). WithStrategy sets it.
// RejectionSampling and RepairTemplate are built in; a program may write
// its own.
type Strategy interface {
	// Name is the strategy's reported name, such as
	// "RejectionSamplingStrategy": what the component payload's Strategy
	// carries.
	Name() string
	// Budget is the number of attempts, the first included; below 1
	// means 1.
	Budget() int
	// Repair returns the request of the next attempt from the stream's
	// original request and the attempts so far, the last of which failed.
	// It must not modify original or attempts.
	Repair(original backend.Request, attempts []Attempt) backend.Request
	// Select returns the index, in attempts, of the attempt the result
	// reports when every attempt failed. An index out of range ends the
	// stream with an error.
	Select(attempts []Attempt) int
}

// The names of the built-in strategies, as mellea names their classes.
const (
	RejectionSamplingName = "RejectionSamplingStrategy"
	RepairTemplateName    = "RepairTemplateStrategy"
)

// RejectionSampling returns the strategy that sends the original request
// again on every retry and, when every attempt failed, reports the first.
func RejectionSampling(budget int) Strategy { return rejection{budget} }

// RepairTemplate returns the strategy that repairs the request on every
// retry: the original messages, then the failed attempt's delivered text
// as an assistant message (when it delivered any), then a user message
// that states the reason of each requirement that failed it and asks for a
// reply that meets them. When every attempt failed, it reports the first.
func RepairTemplate(budget int) Strategy { return repair{budget} }

// StrategyNamed returns the built-in strategy whose Name is name, with
// budget.
func StrategyNamed(name string, budget int) (Strategy, error) {
	switch name {
	case RejectionSamplingName:
		return RejectionSampling(budget), nil
	case RepairTemplateName:
		return RepairTemplate(budget), nil
	}
	return nil, fmt.Errorf("streaming: unknown strategy %q (the built-in ones are %s and %s)", name, RejectionSamplingName, RepairTemplateName)
}

type rejection struct{ budget int }

var _ Strategy = rejection{}

func (rejection) Name() string                                            { return RejectionSamplingName }
func (s rejection) Budget() int                                           { return s.budget }
func (rejection) Repair(req backend.Request, _ []Attempt) backend.Request { return req }
func (rejection) Select([]Attempt) int                                    { return 0 }

type repair struct{ budget int }

var _ Strategy = repair{}

func (repair) Name() string         { return RepairTemplateName }
func (s repair) Budget() int        { return s.budget }
func (repair) Select([]Attempt) int { return 0 }

// Repair implements Strategy.
func (repair) Repair(req backend.Request, attempts []Attempt) backend.Request {
	last := attempts[len(attempts)-1]
	msgs := make([]backend.Message, 0, len(req.Messages)+2)
	msgs = append(msgs, req.Messages...)
	if last.FullText != "" {
		msgs = append(msgs, backend.Message{Role: "assistant", Content: last.FullText})
	}
	req.Messages = append(msgs, backend.Message{Role: "user", Content: repairText(last.Failures)})
	return req
}

// repairText is the user message of a repair: each failing requirement's
// reason (its name when it gave none), one a line.
func repairText(failures []hooks.CheckResult) string {
	var b strings.Builder
	b.WriteString("Your previous reply did not meet these requirements:\n")
	for _, f := range failures {
		reason := f.Reason
		if reason == "" {
			reason = f.Requirement
		}
		b.WriteString("- " + reason + "\n")
	}
	b.WriteString("Write a new reply that meets every one of them.")
	return b.String()
}

// budget returns s's budget of attempts: 1 without a strategy.
func budget(s Strategy) int {
	if s == nil {
		return 1
	}
	return max(s.Budget(), 1)
}
