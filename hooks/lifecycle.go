package hooks

import (
	"context"
	"sync/atomic"
)

// A lifecycle is what hookweave weaves into a function annotated with
// //mellea:hook: its start hooks fire at entry, in order, and exactly one of
// its end hooks fires when the function ends, on every path.
//
// The woven prologue of an annotated function is, for the streaming
// lifecycle with subject s and error result err:
//
//	ctx, call, hookErr := hooks.BeginStreaming(ctx, s)
//	if hookErr != nil {
//		err = hookErr
//		return
//	}
//	defer func() { err = call.End(recover(), err) }()
type lifecycle struct {
	start            []Hook
	success, failure Hook
}

func (lc *lifecycle) listening() bool {
	m := mask.Load()
	for _, h := range lc.start {
		if m&(1<<h) != 0 {
			return true
		}
	}
	return m&(1<<lc.success|1<<lc.failure) != 0
}

var (
	sessionLifecycle    = lifecycle{[]Hook{SessionPreInit, SessionPostInit}, SessionCleanup, SessionCleanup}
	componentLifecycle  = lifecycle{[]Hook{ComponentPreExecute}, ComponentPostSuccess, ComponentPostError}
	generationLifecycle = lifecycle{[]Hook{GenerationPreCall}, GenerationPostCall, GenerationError}
	streamingLifecycle  = lifecycle{[]Hook{StreamingStart}, StreamingEnd, StreamingEnd}
)

// SessionSubject is the subject of the session lifecycle
// (session_pre_init and session_post_init at entry, session_cleanup at the
// end). A subject that also has a method Plugins() *Registry scopes those
// plugins to the session.
type SessionSubject interface {
	SessionStart() SessionPayload
	SessionEnd(err error) SessionPayload
}

// ComponentSubject is the subject of the component lifecycle
// (component_pre_execute; component_post_success or component_post_error).
type ComponentSubject interface {
	ComponentStart() ComponentPayload
	ComponentEnd(err error) ComponentPayload
}

// GenerationSubject is the subject of the generation lifecycle
// (generation_pre_call; generation_post_call or generation_error).
type GenerationSubject interface {
	GenerationStart() GenerationPayload
	GenerationEnd(err error) GenerationPayload
}

// StreamingSubject is the subject of the streaming lifecycle
// (streaming_start; streaming_end).
type StreamingSubject interface {
	StreamingStart() StreamingStartPayload
	StreamingEnd(err error) StreamingEndPayload
}

// Amender is implemented by subjects that take the writable fields changed
// by plugins at their start hooks. Amend gets the start payload as the
// plugins left it.
type Amender interface {
	Amend(p Payload)
}

type scoped interface {
	Plugins() *Registry
}

// BeginSession starts the session lifecycle of s. The returned context
// carries the session's id and plugins.
func BeginSession(ctx context.Context, s SessionSubject) (context.Context, *Call, error) {
	p := s.SessionStart()
	if p.SessionID == "" {
		p.SessionID = NewID()
	}
	var reg *Registry
	if sc, ok := s.(scoped); ok {
		reg = sc.Plugins()
	}
	ctx = WithSession(ctx, p.SessionID, reg)
	if !sessionLifecycle.listening() {
		return ctx, nil, nil
	}
	return begin(ctx, &sessionLifecycle, s, &p, func(err error) Payload { q := s.SessionEnd(err); return &q })
}

// BeginComponent starts the component lifecycle of s.
func BeginComponent(ctx context.Context, s ComponentSubject) (context.Context, *Call, error) {
	if !componentLifecycle.listening() {
		return ctx, nil, nil
	}
	p := s.ComponentStart()
	return begin(ctx, &componentLifecycle, s, &p, func(err error) Payload { q := s.ComponentEnd(err); return &q })
}

// BeginGeneration starts the generation lifecycle of s.
func BeginGeneration(ctx context.Context, s GenerationSubject) (context.Context, *Call, error) {
	if !generationLifecycle.listening() {
		return ctx, nil, nil
	}
	p := s.GenerationStart()
	return begin(ctx, &generationLifecycle, s, &p, func(err error) Payload { q := s.GenerationEnd(err); return &q })
}

// BeginStreaming starts the streaming lifecycle of s.
func BeginStreaming(ctx context.Context, s StreamingSubject) (context.Context, *Call, error) {
	if !streamingLifecycle.listening() {
		return ctx, nil, nil
	}
	p := s.StreamingStart()
	return begin(ctx, &streamingLifecycle, s, &p, func(err error) Payload { q := s.StreamingEnd(err); return &q })
}

func begin(ctx context.Context, lc *lifecycle, subject any, p Payload, end func(error) Payload) (context.Context, *Call, error) {
	id := p.id()
	if *id == "" {
		*id = NewID()
	}
	c := &Call{lc: lc, id: *id, end: end}
	var err error
	for _, h := range lc.start {
		if ctx, p, err = dispatch(ctx, h, p, &c.release, false); err != nil {
			break
		}
	}
	if a, ok := subject.(Amender); ok {
		a.Amend(p)
	}
	c.ctx = ctx
	if err != nil {
		// The operation will not run; its end hook still pairs the start.
		c.End(nil, err)
		return ctx, nil, err
	}
	return ctx, c, nil
}

// Call is one running lifecycle, ended by End. A nil *Call (nobody was
// listening when the lifecycle began) ends without firing anything.
type Call struct {
	lc    *lifecycle
	ctx   context.Context
	id    string
	end   func(error) Payload
	ended atomic.Bool
	// release cancels the contexts of bounded start-hook handlers whose
	// derived contexts the lifecycle used; called once its end hook ran.
	release []context.CancelCauseFunc
}

// ID returns the lifecycle's correlation id ("" for a nil Call).
func (c *Call) ID() string {
	if c == nil {
		return ""
	}
	return c.id
}

// End fires the lifecycle's end hook once: the success hook when err is nil
// and nothing was recovered, the failure hook otherwise. recovered is the
// value of recover() in the caller's deferred function; when it is not nil,
// the end hook sees a *PanicError and End panics again with the same value.
// End returns err, or a *BlockedError when err is nil and a plugin blocked
// at the end hook (generation_post_call).
func (c *Call) End(recovered any, err error) error {
	if c == nil || !c.ended.CompareAndSwap(false, true) {
		if recovered != nil {
			panic(recovered)
		}
		return err
	}
	endErr := err
	if recovered != nil {
		endErr = &PanicError{Value: recovered}
	}
	h := c.lc.success
	if endErr != nil {
		h = c.lc.failure
	}
	p := c.end(endErr)
	*p.id() = c.id
	_, _, blockErr := dispatch(c.ctx, h, p, nil, false)
	for _, release := range c.release {
		release(nil)
	}
	if recovered != nil {
		panic(recovered)
	}
	if err == nil && blockErr != nil {
		return blockErr
	}
	return err
}
