package runtime

import (
	"context"
	"errors"
	"fmt"
	"time"
	"unicode/utf8"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/trace"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/internal/semconv"
	"github.com/hookweave/hookweave/stdlib/backend"
	"github.com/hookweave/hookweave/stdlib/chunking"
	"github.com/hookweave/hookweave/stdlib/requirement"
	"github.com/hookweave/hookweave/stdlib/streaming"
	tm "github.com/hookweave/hookweave/telemetry"
)

// inline is the inline reference: the same stream as the woven side (a
// streaming.Stream on the same backend, chunker and requirement), with no
// plugin registered and its telemetry written as a program without hooks
// would write it: OpenTelemetry calls in line, around the stream, in a
// wrapper of the backend and in the stream's WithEvents function. It
// produces the spans, span events, attributes and metric points that the
// woven telemetry plugins produce for the same stream (the test
// TestInlineMatchesWoven holds it to that), so that the two sides differ
// only in how the telemetry is reached: hooks and plugins, or direct calls.
// It covers the path the benchmark takes, a stream whose every check
// passes; a stream that does not complete is an error. Every name comes
// from the default profile's table (package semconv), and a key the
// release does not have is not written.
type inline struct {
	n                          *semconv.Table
	app, backend               trace.Tracer
	checks, successes          metric.Int64Counter
	tokensIn, tokensOut        metric.Int64Counter
	duration, timeToFirstToken metric.Float64Histogram
	streamStrategy             metric.MeasurementOption
}

func newInline(s *sdk) (*inline, error) {
	n := semconv.Profiles[0] // the default profile
	m := s.mp.Meter(tm.MeterName)
	in := &inline{n: n, app: s.tp.Tracer(tm.TracerApplication), backend: s.tp.Tracer(tm.TracerBackend)}
	var errs [6]error
	in.checks, errs[0] = counter(m, n.MetricRequirementChecks)
	in.successes, errs[1] = counter(m, n.MetricSamplingSuccesses)
	in.tokensIn, errs[2] = counter(m, n.MetricInputTokens)
	in.tokensOut, errs[3] = counter(m, n.MetricOutputTokens)
	in.duration, errs[4] = histogram(m, n.MetricDuration)
	in.timeToFirstToken, errs[5] = histogram(m, n.MetricTimeToFirstChunk)
	var a kvs
	a.str(n.MetricStrategy, n.Strategy)
	in.streamStrategy = metric.WithAttributeSet(attribute.NewSet(a...))
	return in, errors.Join(errs[:]...)
}

func counter(m metric.Meter, i semconv.Instrument) (metric.Int64Counter, error) {
	if i.Name == "" {
		return nil, fmt.Errorf("inline: the default profile has no counter the inline reference records on")
	}
	return m.Int64Counter(i.Name, metric.WithUnit(i.Unit), metric.WithDescription(i.Description))
}

func histogram(m metric.Meter, i semconv.Instrument) (metric.Float64Histogram, error) {
	if i.Name == "" {
		return nil, fmt.Errorf("inline: the default profile has no histogram the inline reference records on")
	}
	return m.Float64Histogram(i.Name, metric.WithUnit(i.Unit), metric.WithDescription(i.Description),
		metric.WithExplicitBucketBoundaries(i.Buckets...))
}

// kvs builds attributes, leaving out those whose key the release does not
// have. Lists are made with room for what they hold (newKVs), as code
// that cares about allocations writes them.
type kvs []attribute.KeyValue

func newKVs(n int) kvs { return make(kvs, 0, n) }

func (a *kvs) str(key, v string) {
	if key != "" {
		*a = append(*a, attribute.String(key, v))
	}
}

func (a *kvs) boolean(key string, v bool) {
	if key != "" {
		*a = append(*a, attribute.Bool(key, v))
	}
}

func (a *kvs) integer(key string, v int) {
	if key != "" {
		*a = append(*a, attribute.Int(key, v))
	}
}

// run is one inline stream of b's reply to req, chunked by c and checked
// by reqs. It returns the number of chunks delivered.
func (in *inline) run(ctx context.Context, b backend.Streamer, req backend.Request, c chunking.Chunker, reqs []requirement.Requirement) (int, error) {
	n := in.n
	a := newKVs(3)
	a.boolean(n.StreamHasRequirements, len(reqs) > 0)
	a.integer(n.StreamRequirementCount, len(reqs))
	a.str(n.StreamChunking, n.ChunkingName(chunking.Name(c)))
	ctx, span := in.app.Start(ctx, n.SpanStream, trace.WithAttributes(a...))
	defer span.End()
	st := &inlineStream{in: in, span: span, ctx: ctx}
	for _, q := range reqs {
		o := newKVs(1)
		o.str(n.MetricRequirement, requirement.Name(q))
		st.checkOf = append(st.checkOf, metric.WithAttributeSet(attribute.NewSet(o...)))
	}
	s := streaming.New(ctx, inlineBackend{in, b}, req,
		streaming.WithChunker(c), streaming.WithRequirements(reqs...), streaming.WithEvents(st.event))
	chunks := 0
	for _, err := range s.Chunks() {
		if err != nil {
			return chunks, err
		}
		chunks++
	}
	res := s.Result()
	if !res.Completed {
		return chunks, fmt.Errorf("inline: the stream did not complete: %+v", res)
	}
	a = newKVs(3)
	a.integer(n.StreamFullTextLength, utf8.RuneCountInString(res.FullText))
	a.str(n.RequestModel, backend.ModelFor(b, req))
	a.str(n.Provider, n.ProviderName(b.Name()))
	span.SetAttributes(a...)
	in.successes.Add(ctx, 1, in.streamStrategy)
	return chunks, nil
}

// inlineStream is the telemetry state of one inline stream.
type inlineStream struct {
	in      *inline
	span    trace.Span
	ctx     context.Context
	checkOf []metric.MeasurementOption // the checks counter's attributes, per requirement
}

// event writes the telemetry of one streaming event: its span event and,
// for a chunk's checks, one count per requirement.
func (st *inlineStream) event(ev hooks.Event) {
	n := st.in.n
	switch e := ev.(type) {
	case hooks.QuickCheckEvent:
		for i := range e.Results {
			st.in.checks.Add(st.ctx, 1, st.checkOf[i])
		}
		a := newKVs(3)
		a.integer(n.EventChunkIndex, e.ChunkIndex)
		a.boolean(n.EventPassed, e.Passed)
		a.integer(n.EventRequirementCount, len(e.Results))
		st.span.AddEvent(n.EventQuickCheck, trace.WithAttributes(a...))
	case hooks.ChunkEvent:
		a := newKVs(2)
		a.integer(n.EventChunkIndex, e.ChunkIndex)
		a.integer(n.EventTextLength, utf8.RuneCountInString(e.Text))
		st.span.AddEvent(n.EventChunk, trace.WithAttributes(a...))
	case hooks.StreamingDoneEvent:
		a := newKVs(1)
		a.integer(n.EventFullTextLength, utf8.RuneCountInString(e.FullText))
		st.span.AddEvent(n.EventStreamingDone, trace.WithAttributes(a...))
	case hooks.FullValidationEvent:
		a := newKVs(2)
		a.boolean(n.EventPassed, e.Passed)
		a.integer(n.EventRequirementCount, len(e.Results))
		st.span.AddEvent(n.EventFullValidation, trace.WithAttributes(a...))
	case hooks.CompletedEvent:
		a := newKVs(2)
		a.boolean(n.EventSuccess, e.Success)
		a.integer(n.EventFullTextLength, utf8.RuneCountInString(e.FullText))
		st.span.AddEvent(n.EventCompleted, trace.WithAttributes(a...))
	}
}

// inlineBackend is b with the generation's telemetry written around its
// Stream: the chat span and the generation metrics.
type inlineBackend struct {
	in *inline
	backend.Streamer
}

func (ib inlineBackend) Stream(ctx context.Context, req backend.Request, onDelta func(string) error) (backend.Response, error) {
	n := ib.in.n
	model := backend.ModelFor(ib.Streamer, req)
	provider := ib.Name()
	a := newKVs(7)
	a.str(n.Operation, n.OperationChat)
	if n.ChatModelAtStart {
		a.str(n.Provider, n.ProviderName(provider))
		a.str(n.RequestModel, model)
	}
	if req.Component != "" {
		a.str(n.ChatComponentType, req.Component)
	}
	a.boolean(n.ChatHasFormat, false)
	a.boolean(n.ChatToolCalls, false)
	a.boolean(n.ChatStreamAtStart, true)
	kind := trace.SpanKindInternal
	if n.ChatClient(provider) {
		kind = trace.SpanKindClient
	}
	ctx, chat := ib.in.backend.Start(ctx, n.ChatName(model), trace.WithSpanKind(kind), trace.WithAttributes(a...))
	defer chat.End()
	start := time.Now()
	var first time.Time
	resp, err := ib.Streamer.Stream(ctx, req, func(delta string) error {
		if first.IsZero() {
			first = time.Now()
		}
		return onDelta(delta)
	})
	latency := time.Since(start)
	if err != nil {
		return resp, err
	}
	ttft := first.Sub(start)
	chat.SetAttributes(ib.chatEnd(req, model, resp, ttft)...)
	g := newKVs(3)
	g.str(n.RequestModel, model)
	g.str(n.Provider, n.ProviderName(provider))
	g.str(n.MetricOperation, n.OperationChat)
	gen := metric.WithAttributeSet(attribute.NewSet(g...))
	if resp.Usage.Known && resp.Usage.InputTokens > 0 {
		ib.in.tokensIn.Add(ctx, resp.Usage.InputTokens, gen)
	}
	if resp.Usage.Known && resp.Usage.OutputTokens > 0 {
		ib.in.tokensOut.Add(ctx, resp.Usage.OutputTokens, gen)
	}
	d := append(newKVs(len(g)+1), g...)
	d.boolean(n.MetricStreaming, true)
	ib.in.duration.Record(ctx, latency.Seconds(), metric.WithAttributeSet(attribute.NewSet(d...)))
	ib.in.timeToFirstToken.Record(ctx, ttft.Seconds(), gen)
	return resp, nil
}

// chatEnd is the chat span's attributes at the end of a successful
// streamed generation.
func (ib inlineBackend) chatEnd(req backend.Request, model string, resp backend.Response, ttft time.Duration) kvs {
	n := ib.in.n
	a := newKVs(13)
	a.str(n.Operation, n.OperationChat)
	a.str(n.Provider, n.ProviderName(ib.Name()))
	a.str(n.RequestModel, model)
	if req.Component != "" {
		a.str(n.ChatComponentType, req.Component)
	}
	a.boolean(n.ChatStreamingAtEnd, true)
	if resp.Model != "" {
		a.str(n.ResponseModel, resp.Model)
	}
	if resp.ID != "" {
		a.str(n.ResponseID, resp.ID)
	}
	if resp.FinishReason != "" && n.FinishReasons != "" {
		a = append(a, attribute.StringSlice(n.FinishReasons, []string{resp.FinishReason}))
	}
	if n.TimeToFirstChunk != "" && ttft > 0 {
		a = append(a, attribute.Float64(n.TimeToFirstChunk, ttft.Seconds()))
	}
	if resp.Usage.Known {
		a.integer(n.InputTokens, int(resp.Usage.InputTokens))
		a.integer(n.OutputTokens, int(resp.Usage.OutputTokens))
		a.integer(n.TotalTokens, int(resp.Usage.InputTokens+resp.Usage.OutputTokens))
	}
	a.integer(n.ContextSize, len(req.Messages)-1) // earlier turns; the request has no system message
	return a
}
