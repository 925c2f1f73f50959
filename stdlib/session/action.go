package session

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/stdlib/requirement"
	"github.com/hookweave/hookweave/stdlib/streaming"
)

// componentType is the component type of an action, as mellea names it.
const componentType = "Instruction"

// action is one Instruction acted on, and the subject of the component
// lifecycle around its stream. The fields below setup are what plugins at
// component_pre_execute may change.
type action struct {
	session *Session
	in      Instruction
	stream  *streaming.Stream
	setup   *streaming.Setup
	start   time.Time

	options   map[string]any
	reqs      []requirement.Requirement // nil: the instruction's
	format    string
	strategy  streaming.Strategy
	toolCalls bool
}

// DefaultBudget is the budget of attempts of a strategy that a plugin at
// component_pre_execute names for an instruction that has none: mellea's
// default loop budget.
const DefaultBudget = 2

// wrap is the stream's streaming.Wrapper: the stream runs inside the
// action.
func (a *action) wrap(ctx context.Context, setup *streaming.Setup, run func(ctx context.Context) error) error {
	a.setup = setup
	a.options = a.session.modelOptions(a.in.ModelOptions)
	a.start = time.Now()
	return a.execute(ctx, run)
}

// execute runs the stream with the request and requirements as the
// plugins at component_pre_execute left them. A failed check or a consumer
// stop is not an error of the action: it succeeds with SamplingSuccess
// false.
//
//mellea:hook component
func (a *action) execute(ctx context.Context, run func(ctx context.Context) error) error {
	req := &a.setup.Request
	req.Messages = a.session.begin(a.in.Text)
	req.Options = a.options
	req.Model = a.session.model()
	req.Format = a.format
	req.ToolCalls = a.toolCalls
	req.Component = componentType
	a.setup.Strategy = a.strategy
	if a.reqs != nil {
		a.setup.Requirements = a.reqs
	}
	if err := run(ctx); err != nil {
		return err
	}
	if res := a.stream.Result(); res.Succeeded() {
		a.session.remember(a.in.Text, res.FullText)
	}
	return nil
}

// requirements are the action's requirements as plugins left them.
func (a *action) requirements() []requirement.Requirement {
	if a.reqs != nil {
		return a.reqs
	}
	return a.in.Requirements
}

// A subject that does not implement its lifecycle's interface fails the
// plain build here, not only the woven one.
var _ hooks.ComponentSubject = (*action)(nil)

// ComponentStart implements hooks.ComponentSubject.
func (a *action) ComponentStart() hooks.ComponentPayload {
	return hooks.ComponentPayload{
		ComponentType: componentType,
		Requirements:  descriptions(a.requirements()),
		Strategy:      strategyName(a.strategy),
		Format:        a.format,
		ToolCalls:     a.toolCalls,
		ModelOptions:  maps.Clone(a.options),
	}
}

// ComponentEnd implements hooks.ComponentSubject.
func (a *action) ComponentEnd(err error) hooks.ComponentPayload {
	p := a.ComponentStart()
	p.Latency = time.Since(a.start)
	if err != nil {
		p.Err = err
		p.ErrorKind = hooks.ErrorKind(err)
		return p
	}
	res := a.stream.Result()
	p.Result = res.FullText
	p.NumGenerateLogs = len(res.Attempts)
	p.SamplingSuccess = res.Succeeded()
	return p
}

// strategyName is the reported name of s; empty for none.
func strategyName(s streaming.Strategy) string {
	if s == nil {
		return ""
	}
	return s.Name()
}

// Amend implements hooks.Amender: plugins at component_pre_execute may
// change the model options, the format and the tool-calls flag (they reach
// the backend's request), the requirements (they reach the stream; see
// amendRequirements) and the strategy (see amendStrategy).
func (a *action) Amend(p hooks.Payload) {
	cp, ok := p.(*hooks.ComponentPayload)
	if !ok {
		return
	}
	a.options = maps.Clone(cp.ModelOptions)
	a.format, a.toolCalls = cp.Format, cp.ToolCalls
	a.amendStrategy(cp.Strategy)
	if !slices.Equal(cp.Requirements, descriptions(a.requirements())) {
		a.reqs = amendRequirements(a.requirements(), cp.Requirements)
	}
}

// amendStrategy takes the strategy name a plugin left: a built-in
// strategy's name selects it, with the instruction's budget (DefaultBudget
// when the instruction has no strategy); an empty name removes the
// strategy. An unknown name is reported (see hooks.SetReporter) and the
// instruction's strategy kept.
func (a *action) amendStrategy(name string) {
	if name == strategyName(a.strategy) {
		return
	}
	if name == "" {
		a.strategy = nil
		return
	}
	budget := DefaultBudget
	if a.strategy != nil {
		budget = a.strategy.Budget()
	}
	s, err := streaming.StrategyNamed(name, budget)
	if err != nil {
		hooks.Report(fmt.Errorf("session: a plugin at %s set the strategy: %w; keeping %q", hooks.ComponentPreExecute, err, strategyName(a.strategy)))
		return
	}
	a.strategy = s
}
