package hooks

import "slices"

// Event is one of the seven streaming event types: QuickCheckEvent,
// ChunkEvent, StreamingDoneEvent, FullValidationEvent, RetryEvent,
// ErrorEvent and CompletedEvent.
type Event interface {
	// EventName is the event's span event name, such as "quick_check".
	EventName() string
}

// Outcome is a requirement check's verdict.
type Outcome uint8

// The outcomes of a check.
const (
	Unknown Outcome = iota
	Pass
	Fail
)

func (o Outcome) String() string {
	switch o {
	case Pass:
		return "pass"
	case Fail:
		return "fail"
	}
	return "unknown"
}

// CheckResult is one requirement's verdict on a chunk or on the full text.
type CheckResult struct {
	Requirement string // the requirement's type name
	Outcome     Outcome
	Reason      string
}

// QuickCheckEvent reports the per-chunk checks of one chunk.
type QuickCheckEvent struct {
	ChunkIndex int
	Attempt    int
	Passed     bool
	Results    []CheckResult
}

// ChunkEvent reports a chunk delivered to the consumer.
type ChunkEvent struct {
	Text       string
	ChunkIndex int
	Attempt    int
}

// StreamingDoneEvent reports the natural end of generation.
type StreamingDoneEvent struct {
	Attempt  int
	FullText string
}

// FullValidationEvent reports the full validations run after a natural end.
type FullValidationEvent struct {
	Attempt int
	Passed  bool
	Results []CheckResult
}

// RetryEvent reports that a stream with a sampling strategy starts another
// attempt after a failed one. It comes after the failed attempt's last
// event and before the new attempt's first.
type RetryEvent struct {
	Attempt int    // the attempt being started, from 2
	Reason  string // why the previous attempt failed
}

// ErrorEvent reports an error that ended the stream.
type ErrorEvent struct {
	ExceptionType string
	Detail        string
}

// CompletedEvent is always the last event of a stream.
type CompletedEvent struct {
	Success      bool
	FullText     string
	AttemptsUsed int
}

func (QuickCheckEvent) EventName() string     { return "quick_check" }
func (ChunkEvent) EventName() string          { return "chunk" }
func (StreamingDoneEvent) EventName() string  { return "streaming_done" }
func (FullValidationEvent) EventName() string { return "full_validation" }
func (RetryEvent) EventName() string          { return "retry" }
func (ErrorEvent) EventName() string          { return "error" }
func (CompletedEvent) EventName() string      { return "completed" }

func cloneEvent(e Event) Event {
	switch e := e.(type) {
	case QuickCheckEvent:
		e.Results = slices.Clone(e.Results)
		return e
	case FullValidationEvent:
		e.Results = slices.Clone(e.Results)
		return e
	}
	return e
}
