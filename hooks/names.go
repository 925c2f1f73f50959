package hooks

import "strconv"

// Hook names one hook point. Its String form is mellea's hook name.
type Hook uint8

// The hook points, named after mellea's (the span hooks are hookweave's
// own).
const (
	SessionPreInit Hook = iota + 1
	SessionPostInit
	SessionReset
	SessionCleanup
	ComponentPreExecute
	ComponentPostSuccess
	ComponentPostError
	GenerationPreCall
	GenerationPostCall
	GenerationError
	StreamingStart
	StreamingEvent
	StreamingEnd
	GenerationEvent
	// SpanStart and SpanEnd open and close the span of a program's own
	// function annotated //mellea:hook span; mellea has no such hooks.
	SpanStart
	SpanEnd

	numHooks = iota + 1
)

var hookNames = [numHooks]string{
	SessionPreInit:       "session_pre_init",
	SessionPostInit:      "session_post_init",
	SessionReset:         "session_reset",
	SessionCleanup:       "session_cleanup",
	ComponentPreExecute:  "component_pre_execute",
	ComponentPostSuccess: "component_post_success",
	ComponentPostError:   "component_post_error",
	GenerationPreCall:    "generation_pre_call",
	GenerationPostCall:   "generation_post_call",
	GenerationError:      "generation_error",
	StreamingStart:       "streaming_start",
	StreamingEvent:       "streaming_event",
	StreamingEnd:         "streaming_end",
	GenerationEvent:      "generation_event",
	SpanStart:            "span_start",
	SpanEnd:              "span_end",
}

// String returns mellea's name of the hook, such as "streaming_start".
func (h Hook) String() string {
	if h.valid() {
		return hookNames[h]
	}
	return "hook(" + strconv.Itoa(int(h)) + ")"
}

func (h Hook) valid() bool { return h > 0 && h < numHooks }

// Hooks returns every hook point, in declaration order.
func Hooks() []Hook {
	hs := make([]Hook, 0, numHooks-1)
	for h := Hook(1); h < numHooks; h++ {
		hs = append(hs, h)
	}
	return hs
}

// ParseHook returns the hook named name (mellea's name).
func ParseHook(name string) (Hook, bool) {
	for h := Hook(1); h < numHooks; h++ {
		if hookNames[h] == name {
			return h, true
		}
	}
	return 0, false
}

// writable lists, per hook, the payload fields that sequential and transform
// plugins may change: mellea's payload policies. A hook absent from the
// table is observe-only: a plugin that returns a modified payload for it is
// reported and ignored. An array, not a map: dispatch reads it per event.
var writable = [numHooks][]string{
	SessionPreInit:      {"ModelID", "ModelOptions"},
	ComponentPreExecute: {"Requirements", "ModelOptions", "Format", "Strategy", "ToolCalls"},
	GenerationPreCall:   {"ModelOptions", "ToolCalls", "Format"},
}

// blockable lists the hooks at which a plugin may stop the operation: every
// start hook that precedes the operation, and generation_post_call.
var blockable = [numHooks]bool{
	SessionPreInit:      true,
	ComponentPreExecute: true,
	GenerationPreCall:   true,
	StreamingStart:      true,
	GenerationPostCall:  true,
}

// Writable returns the names of the payload fields of h that sequential and
// transform plugins may change; nil means the hook is observe-only.
func Writable(h Hook) []string {
	if !h.valid() {
		return nil
	}
	return append([]string(nil), writable[h]...)
}

// Blockable reports whether a plugin may stop the operation at hook h.
func Blockable(h Hook) bool { return h.valid() && blockable[h] }
