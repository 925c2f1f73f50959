package streaming

import (
	"context"

	"github.com/hookweave/hookweave/hooks"
)

// eventsFunc names a WithEvents function in reports of its panics.
const eventsFunc = "streaming.WithEvents"

// emitting reports whether the stream's events go anywhere: to the stream's
// WithEvents function or to a plugin. Callers check it before they box an
// event, which costs an allocation.
func (r *run) emitting() bool {
	return r.s.cfg.events != nil || hooks.Listening(hooks.StreamingEvent)
}

// emit hands ev to the stream's WithEvents function, then to the plugins
// listening to streaming_event. active names the requirements of a
// QuickCheckEvent.
func (r *run) emit(ctx context.Context, ev hooks.Event, active []string) {
	if fn := r.s.cfg.events; fn != nil {
		callEvents(fn, ev)
	}
	hooks.EmitEvent(ctx, r.id, ev, active)
}

// callEvents calls fn, containing a panic as dispatch contains a plugin's.
func callEvents(fn func(hooks.Event), ev hooks.Event) {
	defer func() {
		if v := recover(); v != nil {
			hooks.Report(&hooks.PluginError{Plugin: eventsFunc, Hook: hooks.StreamingEvent, Err: &hooks.PanicError{Value: v}})
		}
	}()
	fn(ev)
}
