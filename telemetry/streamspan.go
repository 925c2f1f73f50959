package telemetry

import (
	"context"
	"sync"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"

	"github.com/hookweave/hookweave/hooks"
)

// streamSpan is the span of one stream (stream_with_chunking or stream).
// Its methods are the only code that touches that span: the tracing plugin
// only decides which of them to call.
type streamSpan struct {
	span trace.Span
	n    *names
}

// startStreamSpan starts the span of the stream p describes and returns
// the context that carries it.
func startStreamSpan(ctx context.Context, tr trace.Tracer, n *names, p *hooks.StreamingStartPayload) context.Context {
	a := make(attrs, 0, 3)
	a.boolean(n.StreamHasRequirements, p.HasRequirements)
	a.integer(n.StreamRequirementCount, int64(p.RequirementCount))
	a.str(n.StreamChunking, n.ChunkingName(p.ChunkingStrategy))
	ctx, span := tr.Start(ctx, n.SpanStream, trace.WithTimestamp(p.Timestamp), trace.WithAttributes(a...))
	return withSpan(ctx, streamSpanKey, p.StreamingID, span)
}

// streamSpanOf returns the span of stream id carried by ctx, or false
// when ctx carries none or it has ended.
func streamSpanOf(ctx context.Context, n *names, id string) (streamSpan, bool) {
	span := spanOf(ctx, streamSpanKey, id)
	return streamSpan{span: span, n: n}, span != nil
}

// eventSpanOf is streamSpanOf for adding events, which a span that has
// ended ignores: it does not ask whether the span is recording.
func eventSpanOf(ctx context.Context, n *names, id string) (streamSpan, bool) {
	span := heldSpanOf(ctx, streamSpanKey, id)
	return streamSpan{span: span, n: n}, span != nil
}

// addEvent adds the span event of a streaming event. Its time is the SDK's
// clock when it is added, as mellea's span events are: the plugin runs
// inside the dispatch, so that is when the event fired, and a timestamp
// option would cost an allocation per event. The release that writes
// completed from streaming_end skips the CompletedEvent.
//
// The attributes pass through an eventScratch: this costs no allocation
// per event beyond what the SDK makes for itself.
func (s streamSpan) addEvent(ev hooks.Event) {
	sc := scratchPool.Get().(*eventScratch)
	defer sc.release()
	name, a, ok := s.eventOf(ev, attrs(sc.kv[:0]))
	if !ok {
		return
	}
	s.span.AddEvent(name, sc.options(a)...)
}

// maxEventAttrs is the most attributes a stream span event has.
const maxEventAttrs = 3

// eventScratch is what one span event's attributes pass through on their
// way to AddEvent. An event option is opaque: a span reads it only through
// trace.NewEventConfig, which copies the attributes, and every tracer we
// know (the SDK, the no-op and global ones, go.opentelemetry.io/auto/sdk)
// does so before AddEvent returns. So nothing holds on to kv afterwards
// and the next event may reuse it. The three allocations an
// event would otherwise cost (the attributes, their option boxed in an
// interface, the variadic option list) are made once per scratch: opts[n]
// is the option list of the attributes kv[:n].
type eventScratch struct {
	kv   [maxEventAttrs]attribute.KeyValue
	opts [maxEventAttrs + 1][1]trace.EventOption
}

var scratchPool = sync.Pool{New: func() any {
	sc := new(eventScratch)
	for n := range sc.opts {
		sc.opts[n][0] = trace.WithAttributes(sc.kv[:n]...)
	}
	return sc
}}

// options returns the option list of a, built in sc.kv. Attributes that
// did not fit there (a change that raised their number past
// maxEventAttrs) get an option of their own.
func (sc *eventScratch) options(a attrs) []trace.EventOption {
	if len(a) > 0 && &a[0] != &sc.kv[0] {
		return []trace.EventOption{trace.WithAttributes(a...)}
	}
	return sc.opts[len(a)][:]
}

// release clears sc, so that the pool holds on to no attribute's string,
// and returns it to the pool.
func (sc *eventScratch) release() {
	clear(sc.kv[:])
	scratchPool.Put(sc)
}

// eventOf appends the attributes of ev's span event to a and returns its
// name and them; false for an event type this package does not know or the
// release does not write.
func (s streamSpan) eventOf(ev hooks.Event, a attrs) (string, attrs, bool) {
	n := s.n
	switch e := ev.(type) {
	case hooks.QuickCheckEvent:
		a.integer(n.EventChunkIndex, int64(e.ChunkIndex))
		a.boolean(n.EventPassed, e.Passed)
		a.integer(n.EventRequirementCount, int64(len(e.Results)))
		return n.EventQuickCheck, a, true
	case hooks.ChunkEvent:
		a.integer(n.EventChunkIndex, int64(e.ChunkIndex))
		a.integer(n.EventTextLength, int64(chars(e.Text)))
		return n.EventChunk, a, true
	case hooks.StreamingDoneEvent:
		a.integer(n.EventFullTextLength, int64(chars(e.FullText)))
		return n.EventStreamingDone, a, true
	case hooks.FullValidationEvent:
		a.boolean(n.EventPassed, e.Passed)
		a.integer(n.EventRequirementCount, int64(len(e.Results)))
		return n.EventFullValidation, a, true
	case hooks.RetryEvent:
		a.integer(n.EventAttempt, int64(e.Attempt))
		a.str(n.EventRetryReason, e.Reason)
		return n.EventRetry, a, true
	case hooks.ErrorEvent:
		a.str(n.EventExceptionType, e.ExceptionType)
		a.str(n.EventDetail, e.Detail)
		return n.EventError, a, true
	case hooks.CompletedEvent:
		if n.CompletedAtEnd {
			return "", nil, false
		}
		return n.EventCompleted, s.completed(a, e.Success, chars(e.FullText)), true
	}
	return "", nil, false
}

// completed appends the completed event's attributes to a.
func (s streamSpan) completed(a attrs, success bool, length int) attrs {
	a.boolean(s.n.EventSuccess, success)
	a.integer(s.n.EventFullTextLength, int64(length))
	return a
}

// setEnd sets the end attributes of the stream p describes and, for the
// release that writes it there, the completed event.
func (s streamSpan) setEnd(p *hooks.StreamingEndPayload) {
	n := s.n
	if n.CompletedAtEnd {
		s.span.AddEvent(n.EventCompleted, trace.WithTimestamp(p.Timestamp),
			trace.WithAttributes(s.completed(make(attrs, 0, 2), p.Success, p.FullTextLength)...))
	}
	a := make(attrs, 0, 3)
	a.integer(n.StreamFullTextLength, int64(p.FullTextLength))
	if p.Model != "" {
		a.str(n.RequestModel, p.Model)
	}
	if p.Provider != "" {
		a.str(n.Provider, n.ProviderName(p.Provider))
	}
	s.span.SetAttributes(a...)
}

// finishSuccess ends the span of a successful stream; its status stays
// UNSET.
func (s streamSpan) finishSuccess(p *hooks.StreamingEndPayload) {
	s.setEnd(p)
	s.span.End(trace.WithTimestamp(p.Timestamp))
}

// finishError ends the span of a stream that ended with err: the exception
// recorded, ERROR with its message, error.type.
func (s streamSpan) finishError(p *hooks.StreamingEndPayload, err error) {
	s.setEnd(p)
	endWithError(s.n, s.span, err, p.Timestamp)
}

// finishFailed ends the span of a stream that a failed check ended (reason
// says why) or that was stopped (a consumer stop, Close, a cancelled
// context; reason is ""): ERROR with reason, no exception.
func (s streamSpan) finishFailed(p *hooks.StreamingEndPayload, reason string) {
	s.setEnd(p)
	s.span.SetStatus(codes.Error, reason)
	s.span.End(trace.WithTimestamp(p.Timestamp))
}
