package hooks

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"sync"
	"time"
)

// startHooks are the hooks whose handlers may derive the operation's context.
var startHooks = [numHooks]bool{
	SessionPreInit:      true,
	SessionPostInit:     true,
	ComponentPreExecute: true,
	GenerationPreCall:   true,
	StreamingStartHook:  true,
}

// Fire dispatches p at hook h to the plugins of the global registry and of
// the session ctx belongs to. It fills p's Base (hook, timestamp, session
// id). It returns a *BlockedError when a plugin stops the operation. With no
// plugin listening to h it returns at once.
func Fire(ctx context.Context, h Hook, p Payload) error {
	if !Listening(h) {
		return nil
	}
	_, _, err := dispatch(ctx, h, p)
	return err
}

// EmitEvent fires streaming_event for the stream streamingID. active names
// the active requirements for a QuickCheckEvent. With no plugin listening it
// returns at once; callers that build events on a hot path check
// Listening(StreamingEventHook) first.
func EmitEvent(ctx context.Context, streamingID string, ev Event, active []string) {
	if mask.Load()&(1<<StreamingEventHook) != 0 {
		emitEvent(ctx, streamingID, ev, active)
		return
	}
	notWoven()
}

func emitEvent(ctx context.Context, streamingID string, ev Event, active []string) {
	p := &StreamingEvent{StreamingID: streamingID, Event: ev}
	if _, ok := ev.(QuickCheckEvent); ok {
		p.Requirements = active
	}
	dispatch(ctx, StreamingEventHook, p)
}

// dispatch runs every handler for h on p and returns the context and payload
// they leave, and a *BlockedError if one blocked.
func dispatch(ctx context.Context, h Hook, p Payload) (context.Context, Payload, error) {
	b := p.base()
	b.Hook = h
	if b.Timestamp.IsZero() {
		b.Timestamp = time.Now()
	}
	s := scopeOf(ctx)
	if b.SessionID == "" && s != nil {
		b.SessionID = s.sessionID
	}
	es := handlersFor(h, s)
	var concurrent, later []entry
	for _, e := range es {
		switch e.p.mode {
		case Concurrent:
			concurrent = append(concurrent, e)
			continue
		case FireAndForget:
			later = append(later, e)
			continue
		}
		res, ok := invoke(ctx, e, h, p.clone())
		if !ok {
			continue
		}
		if res.Context != nil && startHooks[h] {
			ctx = res.Context
		}
		if res.Payload != nil {
			applyChange(e, h, p, res.Payload)
		}
		if err := block(e, h, res.Block); err != nil {
			return ctx, p, err
		}
	}
	err := runConcurrent(ctx, h, p, concurrent)
	if len(later) > 0 {
		snap := p.clone()
		for _, e := range later {
			background.Add(1)
			go func() {
				defer background.Done()
				invoke(ctx, e, h, snap.clone())
			}()
		}
	}
	return ctx, p, err
}

func handlersFor(h Hook, s *scope) []entry {
	es := global.entries(h)
	if s == nil || s.reg == nil {
		return es
	}
	local := s.reg.entries(h)
	if len(local) == 0 {
		return es
	}
	all := slices.Concat(es, local)
	sortEntries(all)
	return all
}

func runConcurrent(ctx context.Context, h Hook, p Payload, es []entry) error {
	if len(es) == 0 {
		return nil
	}
	results := make([]Result, len(es))
	oks := make([]bool, len(es))
	var wg sync.WaitGroup
	for i, e := range es {
		wg.Go(func() { results[i], oks[i] = invoke(ctx, e, h, p.clone()) })
	}
	wg.Wait()
	for i, e := range es {
		if !oks[i] {
			continue
		}
		if results[i].Payload != nil {
			report(&PluginError{e.p.name, h, fmt.Errorf("a %s plugin may not change the payload; change ignored", e.p.mode)})
		}
		if err := block(e, h, results[i].Block); err != nil {
			return err
		}
	}
	return nil
}

// block turns a handler's violation into the operation's error, or reports
// it when the plugin's mode or the hook does not allow blocking.
func block(e entry, h Hook, v *Violation) error {
	if v == nil {
		return nil
	}
	switch {
	case !e.p.mode.mayBlock():
		report(&PluginError{e.p.name, h, fmt.Errorf("a %s plugin may not block; block ignored: %s", e.p.mode, v.Reason)})
	case !Blockable(h):
		report(&PluginError{e.p.name, h, fmt.Errorf("%s cannot be blocked; block ignored: %s", h, v.Reason)})
	default:
		return &BlockedError{Plugin: e.p.name, Hook: h, Reason: v.Reason, Code: v.Code}
	}
	return nil
}

// applyChange copies the writable fields of changed into p, and reports a
// change the plugin's mode or the hook does not allow.
func applyChange(e entry, h Hook, p, changed Payload) {
	fields := writable[h]
	switch {
	case !e.p.mode.mayModify():
		report(&PluginError{e.p.name, h, fmt.Errorf("a %s plugin may not change the payload; change ignored", e.p.mode)})
		return
	case len(fields) == 0:
		report(&PluginError{e.p.name, h, fmt.Errorf("%s is observe-only; change ignored", h)})
		return
	}
	dst, src := reflect.ValueOf(p).Elem(), reflect.ValueOf(changed).Elem()
	if dst.Type() != src.Type() {
		report(&PluginError{e.p.name, h, fmt.Errorf("returned a %T for a %T; change ignored", changed, p)})
		return
	}
	var readOnly []string
	for i := range dst.NumField() {
		name := dst.Type().Field(i).Name
		if slices.Contains(fields, name) {
			continue
		}
		if !reflect.DeepEqual(dst.Field(i).Interface(), src.Field(i).Interface()) {
			readOnly = append(readOnly, name)
		}
	}
	if len(readOnly) > 0 {
		report(&PluginError{e.p.name, h, fmt.Errorf("changed read-only fields %v; only %v are writable; change ignored", readOnly, fields)})
		return
	}
	for _, name := range fields {
		dst.FieldByName(name).Set(src.FieldByName(name))
	}
}

// invoke calls one handler, containing a panic and bounding its time when
// the plugin asks for a timeout. ok is false when the call failed.
func invoke(ctx context.Context, e entry, h Hook, p Payload) (res Result, ok bool) {
	if e.p.timeout <= 0 {
		return call(ctx, e, h, p)
	}
	ctx, cancel := context.WithTimeout(ctx, e.p.timeout)
	defer cancel()
	type outcome struct {
		res Result
		ok  bool
	}
	done := make(chan outcome, 1)
	background.Add(1)
	go func() {
		defer background.Done()
		r, ok := call(ctx, e, h, p)
		done <- outcome{r, ok}
	}()
	select {
	case o := <-done:
		return o.res, o.ok
	case <-ctx.Done():
		report(&PluginError{e.p.name, h, fmt.Errorf("overran its timeout of %v; result ignored", e.p.timeout)})
		return Result{}, false
	}
}

func call(ctx context.Context, e entry, h Hook, p Payload) (res Result, ok bool) {
	defer func() {
		if v := recover(); v != nil {
			report(&PluginError{e.p.name, h, &PanicError{Value: v}})
			res, ok = Result{}, false
		}
	}()
	return e.h(ctx, p), true
}
