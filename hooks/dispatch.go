package hooks

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"time"
)

// startHooks are the hooks whose handlers may derive the operation's context.
var startHooks = [numHooks]bool{
	SessionPreInit:      true,
	SessionPostInit:     true,
	ComponentPreExecute: true,
	GenerationPreCall:   true,
	StreamingStart:      true,
	SpanStart:           true,
}

// Fire dispatches p at hook h to the plugins of the global registry, of the
// session ctx belongs to and of the WithPlugins scopes ctx runs under. It
// fills p's Base (hook, timestamp, session id). It returns a *BlockedError
// when a plugin stops the operation. With no plugin listening to h it
// returns at once.
func Fire(ctx context.Context, h Hook, p Payload) error {
	if !Listening(h) {
		return nil
	}
	_, _, err := dispatch(ctx, h, p, nil, false)
	return err
}

// EmitEvent fires streaming_event for the stream streamingID. active names
// the active requirements for a QuickCheckEvent. With no plugin listening it
// returns at once; callers that build events on a hot path check
// Listening(StreamingEvent) first.
func EmitEvent(ctx context.Context, streamingID string, ev Event, active []string) {
	if mask.Load()&(1<<StreamingEvent) != 0 {
		emitEvent(ctx, streamingID, ev, active)
		return
	}
	notWoven()
}

func emitEvent(ctx context.Context, streamingID string, ev Event, active []string) {
	s := scopeOf(ctx)
	es := handlersFor(StreamingEvent, s)
	if len(es) == 0 { // only other sessions' plugins listen
		return
	}
	lend, direct := lendable(es)
	var p *StreamingEventPayload
	if lend {
		p = eventPool.Get().(*StreamingEventPayload)
	} else {
		p = new(StreamingEventPayload)
	}
	p.StreamingID, p.Event = streamingID, ev
	if _, ok := ev.(QuickCheckEvent); ok {
		p.Requirements = active
	}
	// p is made (or lent) for this dispatch and dropped after it, and
	// streaming_event is observe-only: the read-only plugins may read p
	// itself.
	if direct {
		observeAll(ctx, StreamingEvent, p, s, es)
	} else {
		dispatchTo(ctx, StreamingEvent, p, s, es, nil, true)
	}
	if lend {
		*p = StreamingEventPayload{} // the pool keeps no event, names or text alive
		eventPool.Put(p)
	}
}

// eventPool holds the streaming_event payloads lent to plugins that borrow
// them (WithBorrowedPayloads).
var eventPool = sync.Pool{New: func() any { return new(StreamingEventPayload) }}

// lendable reports whether a fresh payload dispatched to es may come from
// eventPool and go back to it once the dispatch returns: whether no
// handler can still hold it then. The audit plugins read the payload
// itself, so each must borrow it and run on the caller's goroutine (a
// bounded call that overruns goes on after the dispatch returns). Every
// other plugin gets a copy, made before the dispatch returns.
//
// direct reports whether every handler of es is an audit one with no time
// bound, as the telemetry plugins are: observeAll may run them, without
// the copies, bounds and groups dispatchTo handles.
func lendable(es []entry) (lend, direct bool) {
	lend, direct = true, true
	for _, e := range es {
		if e.p.mode != Audit || e.p.timeout > 0 {
			direct = false
		}
		if e.p.mode == Audit && (!e.p.borrows || e.p.timeout > 0) {
			lend = false
		}
	}
	return lend, direct
}

// observeAll is dispatchTo for a fresh payload p of an observe-only hook
// h whose handlers es are all audit ones with no time bound: each reads p
// itself, in order, on the caller's goroutine. A handler's panic is
// contained and reported, and the next one runs; a change or a block it
// returns is reported and ignored, as dispatchTo does.
func observeAll(ctx context.Context, h Hook, p Payload, s *scope, es []entry) {
	stamp(p, h, s)
	for i := 0; i < len(es); {
		i = observeFrom(ctx, h, p, es, i)
	}
}

// observeFrom runs es[i:] on p and returns len(es), or, when one of them
// panics, the index of the next. One deferred recover serves every
// handler that does not panic.
func observeFrom(ctx context.Context, h Hook, p Payload, es []entry, i int) (next int) {
	defer func() {
		if v := recover(); v != nil {
			report(&PluginError{es[next].p.name, h, &PanicError{Value: v}})
			next++
		}
	}()
	for next = i; next < len(es); next++ {
		if res := es[next].h(ctx, p); res.Payload != nil || res.Block != nil {
			ignored(es[next], h, p, res)
		}
	}
	return next
}

// ignored reports what a handler of an observe-only hook returned that
// the hook does not take.
func ignored(e entry, h Hook, p Payload, res Result) {
	if res.Payload != nil {
		applyChange(e, h, p, res.Payload)
	}
	block(e, h, res.Block)
}

// dispatch runs every handler for h on p, group by group, and returns the
// context and payload they leave, and a *BlockedError if one blocked. When
// keep is not nil, the cancel functions of the handler contexts that the
// returned context derives from are added to it, for the lifecycle to call
// when it ends; otherwise they are called before dispatch returns.
//
// The read-only plugins of one dispatch share one copy of p, so that what
// they do to it reaches neither the caller nor the modifying plugins.
// fresh says that p was made for this dispatch and is dropped after it, at
// an observe-only hook: nothing is merged back into p, and those plugins
// read p itself, which spares a deep copy per event on the streaming path.
func dispatch(ctx context.Context, h Hook, p Payload, keep *[]context.CancelCauseFunc, fresh bool) (context.Context, Payload, error) {
	s := scopeOf(ctx)
	return dispatchTo(ctx, h, p, s, handlersFor(h, s), keep, fresh)
}

// stamp sets what every dispatch of p sets in its Base: the hook, the time
// unless the caller set it, and the session of scope s unless set.
func stamp(p Payload, h Hook, s *scope) {
	b := p.base()
	b.Hook = h
	if b.Timestamp.IsZero() {
		b.Timestamp = time.Now()
	}
	if b.SessionID == "" && s != nil {
		b.SessionID = s.sessionID
	}
}

// dispatchTo is dispatch to es, the handlers for h of scope s.
func dispatchTo(ctx context.Context, h Hook, p Payload, s *scope, es []entry, keep *[]context.CancelCauseFunc, fresh bool) (context.Context, Payload, error) {
	stamp(p, h, s)
	serial := firstOfMode(es, Concurrent)
	var view Payload // the copy that plugins which may not modify share
	if fresh && len(writable[h]) == 0 {
		view = p
	}
	for _, e := range es[:serial] {
		q := view
		if e.p.mode.mayModify() {
			q = p.clone()
		} else if q == nil {
			view = p.clone()
			q = view
		}
		var (
			res     Result
			release context.CancelCauseFunc
			ok      bool
		)
		if e.p.timeout <= 0 { // invoke's first case, without its frame
			res, ok = call(ctx, e, h, q)
		} else {
			res, release, ok = invoke(ctx, e, h, q)
		}
		if res.Context != nil && startHooks[h] && ok {
			ctx = res.Context
			if keep != nil && release != nil {
				*keep = append(*keep, release)
				release = nil
			}
		}
		if release != nil {
			release(nil)
		}
		if !ok {
			continue
		}
		if res.Payload != nil {
			applyChange(e, h, p, res.Payload)
			view = nil // later plugins see the change
		}
		if err := block(e, h, res.Block); err != nil {
			return ctx, p, err
		}
	}
	if serial == len(es) { // no concurrent or fire-and-forget plugin: the common case
		return ctx, p, nil
	}
	later := firstOfMode(es, FireAndForget)
	err := runConcurrent(ctx, h, p, es[serial:later])
	if later < len(es) {
		fireAndForget(ctx, h, p, es[later:])
	}
	return ctx, p, err
}

// firstOfMode is the index of the first entry of es (sorted by mode) whose
// mode is m or later.
func firstOfMode(es []entry, m Mode) int {
	for i, e := range es {
		if e.p.mode >= m {
			return i
		}
	}
	return len(es)
}

// handlersFor returns h's handlers from the global registry and from the
// registries of scope s and its parents, in running order.
func handlersFor(h Hook, s *scope) []entry {
	es := global.entries(h)
	merged := false
	for ; s != nil; s = s.parent {
		local := s.reg.entries(h)
		if len(local) == 0 {
			continue
		}
		if !merged {
			es = slices.Clone(es)
			merged = true
		}
		es = append(es, local...)
	}
	if merged {
		sortEntries(es)
	}
	return es
}

// runConcurrent runs the concurrent plugins together on p. The first to
// block wins: its *BlockedError is returned and the others' context is
// cancelled with it.
func runConcurrent(ctx context.Context, h Hook, p Payload, es []entry) error {
	if len(es) == 0 {
		return nil
	}
	// A variable of its own: were the parameter reassigned and captured,
	// it would move to the heap, at a cost to every dispatch.
	cctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
	)
	for _, e := range es {
		wg.Go(func() {
			res, release, ok := invoke(cctx, e, h, p.clone())
			if release != nil {
				release(nil)
			}
			if !ok {
				return
			}
			if res.Payload != nil {
				report(&PluginError{e.p.name, h, fmt.Errorf("a %s plugin may not change the payload; change ignored", e.p.mode)})
			}
			if err := block(e, h, res.Block); err != nil {
				mu.Lock()
				defer mu.Unlock()
				if first == nil {
					first = err
					cancel(err)
				}
			}
		})
	}
	wg.Wait()
	return first
}

// fireAndForget starts the fire-and-forget plugins in the background, on a
// snapshot of p; Shutdown waits for them. It is a function of its own, called
// only when there are such plugins, so that dispatch's context escapes to
// the heap only then.
func fireAndForget(ctx context.Context, h Hook, p Payload, es []entry) {
	snap := p.clone()
	for _, e := range es {
		background.Add(1)
		go func() {
			defer background.Done()
			if _, release, _ := invoke(ctx, e, h, snap.clone()); release != nil {
				release(nil)
			}
		}()
	}
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

// applyChange copies the writable fields of changed into p. A change the
// plugin's mode or the hook does not allow is reported and ignored; a
// change that also touches read-only fields keeps its writable part, and
// the dropped fields are reported once.
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
	var dropped []string
	for i := range dst.NumField() {
		name := dst.Type().Field(i).Name
		switch {
		case slices.Contains(fields, name):
			dst.Field(i).Set(src.Field(i))
		case !reflect.DeepEqual(dst.Field(i).Interface(), src.Field(i).Interface()):
			dropped = append(dropped, name)
		}
	}
	if len(dropped) > 0 {
		report(&PluginError{e.p.name, h, fmt.Errorf("changed read-only fields %s; those changes dropped, changes to %s kept",
			strings.Join(dropped, ", "), strings.Join(fields, ", "))})
	}
}

// invoke calls one handler, containing a panic and bounding its time unless
// the plugin is unbounded. ok is false when the call failed. A bounded call
// runs on its own goroutine with a context of its own; release, when not
// nil, cancels that context once nothing derived from it is in use.
func invoke(ctx context.Context, e entry, h Hook, p Payload) (res Result, release context.CancelCauseFunc, ok bool) {
	if e.p.timeout <= 0 {
		res, ok = call(ctx, e, h, p)
		return res, nil, ok
	}
	ctx, cancel := context.WithCancelCause(ctx)
	done := make(chan outcome, 1)
	background.Add(1)
	go func() {
		defer background.Done()
		r, ok := call(ctx, e, h, p)
		done <- outcome{r, ok}
	}()
	t := time.NewTimer(e.p.timeout)
	defer t.Stop()
	select {
	case o := <-done:
		return o.res, cancel, o.ok
	case <-t.C:
		err := &OverrunError{Bound: e.p.timeout}
		cancel(err)
		report(&PluginError{e.p.name, h, err})
		return Result{}, nil, false
	}
}

type outcome struct {
	res Result
	ok  bool
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
