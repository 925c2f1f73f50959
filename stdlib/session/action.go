package session

import (
	"context"
	"maps"
	"time"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/stdlib/backend"
	"github.com/hookweave/hookweave/stdlib/streaming"
)

// componentType is the component type of an action, as mellea names it.
const componentType = "Instruction"

// action is one Instruction acted on, and the subject of the component
// lifecycle around its stream.
type action struct {
	session *Session
	in      Instruction
	stream  *streaming.Stream
	req     *backend.Request
	options map[string]any
	start   time.Time
}

// wrap is the stream's streaming.Wrapper: the stream runs inside the
// action.
func (a *action) wrap(ctx context.Context, req *backend.Request, run func(ctx context.Context) error) error {
	a.req = req
	a.options = a.session.modelOptions(a.in.ModelOptions)
	a.start = time.Now()
	return a.execute(ctx, run)
}

// execute runs the stream. A failed check or a consumer stop is not an
// error of the action: it succeeds with SamplingSuccess false.
//
//mellea:hook component
func (a *action) execute(ctx context.Context, run func(ctx context.Context) error) error {
	a.req.Messages = a.session.begin(a.in.Text)
	a.req.Options = a.options
	a.req.Component = componentType
	if err := run(ctx); err != nil {
		return err
	}
	if res := a.stream.Result(); res.Completed {
		a.session.remember(a.in.Text, res.FullText)
	}
	return nil
}

// ComponentStart implements hooks.ComponentSubject.
func (a *action) ComponentStart() hooks.ComponentPayload {
	reqs := make([]string, len(a.in.Requirements))
	for i, r := range a.in.Requirements {
		reqs[i] = r.Description()
	}
	return hooks.ComponentPayload{
		ComponentType: componentType,
		Requirements:  reqs,
		ModelOptions:  maps.Clone(a.options),
	}
}

// ComponentEnd implements hooks.ComponentSubject.
func (a *action) ComponentEnd(err error) hooks.ComponentPayload {
	p := a.ComponentStart()
	p.Latency = time.Since(a.start)
	if err != nil {
		p.Err = err
		p.ErrorType = hooks.ErrorType(err)
		return p
	}
	res := a.stream.Result()
	p.Result = res.FullText
	p.NumGenerateLogs = 1
	p.SamplingSuccess = res.Completed
	return p
}

// Amend implements hooks.Amender: plugins at component_pre_execute may
// change the model options. A changed Format is not taken: an instruction's
// reply is plain text.
func (a *action) Amend(p hooks.Payload) {
	if cp, ok := p.(*hooks.ComponentPayload); ok {
		a.options = maps.Clone(cp.ModelOptions)
	}
}
