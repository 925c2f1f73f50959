package runtimebench

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/trace"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/stdlib/backend"
	"github.com/hookweave/hookweave/stdlib/chunking"
	"github.com/hookweave/hookweave/stdlib/requirement"
	tm "github.com/hookweave/hookweave/telemetry"
)

// inline is the inline reference: validated streaming written as a
// program without hooks would write it, with its OpenTelemetry calls in
// line, producing the spans, span events, attributes and metric points
// that the woven telemetry plugins produce for the same stream (the test
// TestInlineMatchesWoven holds it to that). It covers the path the
// benchmark takes, a stream whose every check passes; a failed check is an
// error. Every name comes from package telemetry's view of the default
// profile, and a key the release does not have is not written.
type inline struct {
	n                          tm.Names
	app, backend               trace.Tracer
	checks, successes          metric.Int64Counter
	tokensIn, tokensOut        metric.Int64Counter
	duration, timeToFirstToken metric.Float64Histogram
	streamStrategy             metric.MeasurementOption
}

func newInline(s *sdk) (*inline, error) {
	n, ok := tm.Reference("")
	if !ok {
		return nil, errors.New("inline: no default name profile")
	}
	m := s.mp.Meter(tm.MeterName)
	in := &inline{n: n, app: s.tp.Tracer(tm.TracerApplication), backend: s.tp.Tracer(tm.TracerBackend)}
	var errs [6]error
	in.checks, errs[0] = counter(m, n.Checks)
	in.successes, errs[1] = counter(m, n.Successes)
	in.tokensIn, errs[2] = counter(m, n.TokensIn)
	in.tokensOut, errs[3] = counter(m, n.TokensOut)
	in.duration, errs[4] = histogram(m, n.Duration)
	in.timeToFirstToken, errs[5] = histogram(m, n.TimeToFirstToken)
	var a kvs
	a.str(n.MStrategy, n.Strategy)
	in.streamStrategy = metric.WithAttributeSet(attribute.NewSet(a...))
	return in, errors.Join(errs[:]...)
}

func counter(m metric.Meter, i tm.Instrument) (metric.Int64Counter, error) {
	if i.Name == "" {
		return nil, fmt.Errorf("inline: the default profile has no counter the inline reference records on")
	}
	return m.Int64Counter(i.Name, metric.WithUnit(i.Unit), metric.WithDescription(i.Description))
}

func histogram(m metric.Meter, i tm.Instrument) (metric.Float64Histogram, error) {
	if i.Name == "" {
		return nil, fmt.Errorf("inline: the default profile has no histogram the inline reference records on")
	}
	return m.Float64Histogram(i.Name, metric.WithUnit(i.Unit), metric.WithDescription(i.Description),
		metric.WithExplicitBucketBoundaries(i.Buckets...))
}

// kvs builds attributes, leaving out those whose key the release does not
// have.
type kvs []attribute.KeyValue

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
// by reqs. It returns the chunks it delivered.
func (in *inline) run(ctx context.Context, b backend.Streamer, req backend.Request, c chunking.Resumer, reqs []requirement.Requirement) ([]string, error) {
	n := &in.n
	var a kvs
	a.boolean(n.StreamHasReqs, len(reqs) > 0)
	a.integer(n.StreamReqCount, len(reqs))
	a.str(n.StreamChunking, n.ChunkingName(chunking.Name(c)))
	ctx, span := in.app.Start(ctx, n.SpanStream, trace.WithAttributes(a...))
	st := &inlineStream{in: in, ctx: ctx, span: span, reqs: reqs, chunker: c}
	st.prepare()
	err := st.generate(b, req)
	if err == nil {
		err = st.end()
	}
	if err != nil {
		span.End()
		return nil, err
	}
	st.finish(b, req)
	return st.delivered, nil
}

// inlineStream is the state of one inline stream.
type inlineStream struct {
	in      *inline
	ctx     context.Context
	span    trace.Span
	reqs    []requirement.Requirement
	chunker chunking.Resumer
	checkOf []metric.MeasurementOption // the checks counter's attributes, per requirement

	acc       strings.Builder
	pending   string
	mark      int
	index     int
	delivered []string
	failed    error // the check that failed
}

// prepare computes what every chunk's telemetry shares.
func (st *inlineStream) prepare() {
	n := &st.in.n
	for _, q := range st.reqs {
		var a kvs
		a.str(n.MRequirement, requirement.Name(q))
		st.checkOf = append(st.checkOf, metric.WithAttributeSet(attribute.NewSet(a...)))
	}
}

// generate streams the reply inside its chat span and records the
// generation's metrics.
func (st *inlineStream) generate(b backend.Streamer, req backend.Request) error {
	n := &st.in.n
	model := backend.ModelFor(b, req)
	var a kvs
	a.str(n.Operation, n.OperationChat)
	if n.ChatModelAtStart {
		a.str(n.Provider, n.ProviderName(b.Name()))
		a.str(n.RequestModel, model)
	}
	if req.Component != "" {
		a.str(n.ChatComponentType, req.Component)
	}
	a.boolean(n.ChatHasFormat, false)
	a.boolean(n.ChatToolCalls, false)
	a.boolean(n.ChatStreamAtStart, true)
	kind := trace.SpanKindInternal
	if n.ChatClient(b.Name()) {
		kind = trace.SpanKindClient
	}
	ctx, chat := st.in.backend.Start(st.ctx, n.ChatSpan(model), trace.WithSpanKind(kind), trace.WithAttributes(a...))
	start := time.Now()
	var first time.Time
	resp, err := b.Stream(ctx, req, func(delta string) error {
		if first.IsZero() {
			first = time.Now()
		}
		return st.onDelta(delta)
	})
	latency := time.Since(start)
	if st.failed != nil || err != nil {
		chat.End()
		return errors.Join(st.failed, err)
	}
	chat.SetAttributes(st.chatEnd(b, req, model, resp, first.Sub(start))...)
	chat.End()
	var g kvs
	g.str(n.RequestModel, model)
	g.str(n.Provider, n.ProviderName(b.Name()))
	g.str(n.MOperation, n.OperationChat)
	gen := metric.WithAttributeSet(attribute.NewSet(g...))
	if resp.Usage.Known && resp.Usage.InputTokens > 0 {
		st.in.tokensIn.Add(st.ctx, resp.Usage.InputTokens, gen)
	}
	if resp.Usage.Known && resp.Usage.OutputTokens > 0 {
		st.in.tokensOut.Add(st.ctx, resp.Usage.OutputTokens, gen)
	}
	d := append(kvs(nil), g...)
	d.boolean(n.MStreaming, true)
	st.in.duration.Record(st.ctx, latency.Seconds(), metric.WithAttributeSet(attribute.NewSet(d...)))
	st.in.timeToFirstToken.Record(st.ctx, first.Sub(start).Seconds(), gen)
	return nil
}

// chatEnd is the chat span's attributes at the end of a successful
// streamed generation.
func (st *inlineStream) chatEnd(b backend.Streamer, req backend.Request, model string, resp backend.Response, ttft time.Duration) kvs {
	n := &st.in.n
	var a kvs
	a.str(n.Operation, n.OperationChat)
	a.str(n.Provider, n.ProviderName(b.Name()))
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

func (st *inlineStream) onDelta(delta string) error {
	st.acc.WriteString(delta)
	acc := st.acc.String()
	chunks, rest, mark := st.chunker.SplitFrom(acc[len(acc)-len(st.pending)-len(delta):], st.mark)
	st.pending, st.mark = rest, mark
	for _, c := range chunks {
		if err := st.process(c); err != nil {
			st.failed = err
			return err
		}
	}
	return nil
}

// process checks a chunk and delivers it; a chunk that fails a check is
// an error.
func (st *inlineStream) process(chunk string) error {
	n := &st.in.n
	for i, q := range st.reqs {
		res, err := q.Check(st.ctx, nil, chunk)
		if err != nil || res.Outcome == hooks.Fail {
			return fmt.Errorf("inline: chunk %d failed its check: %v %v", st.index, res, err)
		}
		st.in.checks.Add(st.ctx, 1, st.checkOf[i])
	}
	if len(st.reqs) > 0 {
		var a kvs
		a.integer(n.EvChunkIndex, st.index)
		a.boolean(n.EvPassed, true)
		a.integer(n.EvRequirementCount, len(st.reqs))
		st.span.AddEvent(n.EvQuickCheck, trace.WithAttributes(a...))
	}
	var a kvs
	a.integer(n.EvChunkIndex, st.index)
	a.integer(n.EvTextLength, utf8.RuneCountInString(chunk))
	st.span.AddEvent(n.EvChunk, trace.WithAttributes(a...))
	st.delivered = append(st.delivered, chunk)
	st.index++
	return nil
}

// end flushes the withheld fragment and runs the full validation.
func (st *inlineStream) end() error {
	n := &st.in.n
	for _, c := range st.chunker.Flush(st.pending) {
		if err := st.process(c); err != nil {
			return err
		}
	}
	full := st.acc.String()
	var a kvs
	a.integer(n.EvFullTextLength, utf8.RuneCountInString(full))
	st.span.AddEvent(n.EvStreamingDone, trace.WithAttributes(a...))
	if len(st.reqs) == 0 {
		return nil
	}
	passed := true
	for _, q := range st.reqs {
		res, err := q.Validate(st.ctx, nil, full)
		if err != nil {
			return err
		}
		passed = passed && res.Outcome == hooks.Pass
	}
	a = nil
	a.boolean(n.EvPassed, passed)
	a.integer(n.EvRequirementCount, len(st.reqs))
	st.span.AddEvent(n.EvFullValidation, trace.WithAttributes(a...))
	return nil
}

// finish emits the completed event and ends the stream's span.
func (st *inlineStream) finish(b backend.Backend, req backend.Request) {
	n := &st.in.n
	length := utf8.RuneCountInString(st.acc.String())
	var a kvs
	a.boolean(n.EvSuccess, true)
	a.integer(n.EvFullTextLength, length)
	st.span.AddEvent(n.EvCompleted, trace.WithAttributes(a...))
	a = nil
	a.integer(n.StreamFullTextLen, length)
	a.str(n.RequestModel, backend.ModelFor(b, req))
	a.str(n.Provider, n.ProviderName(b.Name()))
	st.span.SetAttributes(a...)
	st.in.successes.Add(st.ctx, 1, st.in.streamStrategy)
	st.span.End()
}
