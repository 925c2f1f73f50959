package hooks

import (
	"maps"
	"slices"
	"time"
)

// Payload is what a hook hands its plugins: one of the payload types of this
// package (*SessionPayload, *ComponentPayload, *GenerationPayload,
// *GenerationEventPayload, *StreamingStartPayload, *StreamingEventPayload,
// *StreamingEndPayload, *SpanPayload).
type Payload interface {
	base() *Base
	// id points at the payload's correlation id field.
	id() *string
	clone() Payload
}

// Base is carried by every payload.
type Base struct {
	Hook      Hook      // the hook being fired
	Timestamp time.Time // when it was fired
	SessionID string    // the session's id, when there is one
}

func (b *Base) base() *Base { return b }

// HookName returns the payload's hook, as a convenience for plugins.
func (b *Base) HookName() Hook { return b.Hook }

// SessionPayload is the payload of session_pre_init, session_post_init,
// session_reset and session_cleanup. Its correlation id is Base.SessionID.
type SessionPayload struct {
	Base
	Backend      string         // backend name, such as "openai"
	ModelID      string         // model identifier; writable at session_pre_init
	ContextType  string         // the session's context type, such as "SimpleContext"
	ModelOptions map[string]any // writable at session_pre_init
	// cleanup only
	InteractionCount int
	Err              error
}

func (p *SessionPayload) id() *string { return &p.SessionID }
func (p *SessionPayload) clone() Payload {
	c := *p
	c.ModelOptions = maps.Clone(p.ModelOptions)
	return &c
}

// ComponentPayload is the payload of component_pre_execute,
// component_post_success and component_post_error.
type ComponentPayload struct {
	Base
	ActionID      string
	ComponentType string // such as "Instruction"
	// The fields below are writable at component_pre_execute.
	Requirements []string // descriptions of the action's requirements
	Strategy     string   // sampling strategy name; empty when none
	Format       string   // structured output format; empty when none
	ToolCalls    bool     // tool calls enabled
	ModelOptions map[string]any
	// post_success only
	Result          string // the action's output text
	NumGenerateLogs int    // generations made for the action
	SamplingSuccess bool
	// post_success and post_error
	Latency time.Duration
	// post_error only
	Err       error
	ErrorKind string // ErrorKind(Err): the error.type of telemetry
}

func (p *ComponentPayload) id() *string { return &p.ActionID }
func (p *ComponentPayload) clone() Payload {
	c := *p
	c.Requirements = slices.Clone(p.Requirements)
	c.ModelOptions = maps.Clone(p.ModelOptions)
	return &c
}

// Usage is a generation's token usage; Known is false when the backend did
// not report it.
type Usage struct {
	InputTokens  int64
	OutputTokens int64
	Known        bool
}

// GenerationPayload is the payload of generation_pre_call,
// generation_post_call and generation_error.
type GenerationPayload struct {
	Base
	GenerationID string
	Model        string         // requested model
	Provider     string         // such as "openai"; gen_ai.provider.name
	ModelOptions map[string]any // writable at generation_pre_call
	Action       string         // the instruction being generated for
	// ComponentType is the type of what is generated for, such as
	// "Instruction" or "Requirement"; empty when unknown.
	ComponentType string
	// ContextSize is the number of earlier turns sent with the request.
	ContextSize int
	// ToolCalls asks the model for tool calls; writable at
	// generation_pre_call.
	ToolCalls bool
	// Format is the structured output format requested (such as a JSON
	// schema); empty for plain text. Writable at generation_pre_call.
	Format string
	Stream bool // streaming requested
	Remote bool // the provider is reached over the network
	// post_call only
	Prompt           string
	Output           string
	ResponseModel    string
	ResponseID       string
	FinishReasons    []string
	Usage            Usage
	TimeToFirstToken time.Duration // zero when no token arrived
	// post_call and error
	Latency time.Duration
	// error only
	Err error
	// ErrorCategory is one of the Category* constants, for error only.
	ErrorCategory string
}

func (p *GenerationPayload) id() *string { return &p.GenerationID }
func (p *GenerationPayload) clone() Payload {
	c := *p
	c.ModelOptions = maps.Clone(p.ModelOptions)
	c.FinishReasons = slices.Clone(p.FinishReasons)
	return &c
}

// GenerationEventPayload is the payload of generation_event: one chunk of a
// streamed generation arrived from the backend. It is fired only while a
// plugin listens to generation_event.
type GenerationEventPayload struct {
	Base
	GenerationID string // the generation lifecycle's id
	Model        string
	Provider     string
	ChunkIndex   int // the backend's chunk, from 0
	TextLength   int // characters the chunk added (may be 0)
	// SinceLast is the time since the previous chunk; zero for the first.
	SinceLast time.Duration
}

func (p *GenerationEventPayload) id() *string { return &p.GenerationID }
func (p *GenerationEventPayload) clone() Payload {
	c := *p
	return &c
}

// StreamingStartPayload is the payload of streaming_start.
type StreamingStartPayload struct {
	Base
	StreamingID      string
	HasRequirements  bool
	RequirementCount int
	// ChunkingStrategy is the chunking's identity: "sentence", "word",
	// "paragraph" or "none" for stdlib's own, a custom chunker's name
	// otherwise. Telemetry reports it under its release's name.
	ChunkingStrategy string
}

func (p *StreamingStartPayload) id() *string { return &p.StreamingID }
func (p *StreamingStartPayload) clone() Payload {
	c := *p
	return &c
}

// StreamingEventPayload is the payload of streaming_event.
type StreamingEventPayload struct {
	Base
	StreamingID string
	Event       Event
	// Requirements names the active requirements (their type names) in the
	// order of a QuickCheckEvent's results; empty for other events.
	Requirements []string
}

func (p *StreamingEventPayload) id() *string { return &p.StreamingID }
func (p *StreamingEventPayload) clone() Payload {
	c := *p
	c.Requirements = slices.Clone(p.Requirements)
	c.Event = cloneEvent(p.Event)
	return &c
}

// StreamingEndPayload is the payload of streaming_end.
type StreamingEndPayload struct {
	Base
	StreamingID string
	Success     bool
	// FailureReason says why a check (or, with a sampling strategy, the
	// full validation) failed the stream; empty when an error ended it.
	FailureReason string
	Err           error // set when the stream ended with an error
	// Stopped is set when the consumer stopped reading before the end
	// (break, stop, Close); then Success is false and FailureReason and
	// Err are empty.
	Stopped bool
	// Model and Provider are the generation's; empty when the stream ended
	// before a generation started.
	Model          string
	Provider       string
	FullTextLength int
	// NumGenerateLogs is the number of generations the stream made: one
	// per attempt.
	NumGenerateLogs int
	// ErrorCategory is one of the Category* constants when Err is set.
	ErrorCategory string
}

func (p *StreamingEndPayload) id() *string { return &p.StreamingID }
func (p *StreamingEndPayload) clone() Payload {
	c := *p
	return &c
}

// SpanPayload is the payload of span_start and span_end: one call of a
// program's own function annotated //mellea:hook span.
type SpanPayload struct {
	Base
	SpanID string // pairs the call's span_start and span_end
	// Name is the span's name: the annotation's name=, or else the
	// function's name as a stack trace prints it, without the package
	// path, such as "lookup", "(*store).lookup" or "Map[...]".
	Name string
	// Function is the fully qualified name of the function, such as
	// "example.com/app/store.(*store).lookup".
	Function string
	File     string // the source file of the function, as its stack frames name it
	Line     int    // the line of the function's declaration
	// span_end only
	Err       error  // the error the function returned (when its last result is error), or a *PanicError
	ErrorKind string // ErrorKind(Err)
}

func (p *SpanPayload) id() *string { return &p.SpanID }
func (p *SpanPayload) clone() Payload {
	c := *p
	return &c
}
