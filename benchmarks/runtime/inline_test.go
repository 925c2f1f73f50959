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
// error. Every name comes from package telemetry's names.
type inline struct {
	app, backend               trace.Tracer
	checks, successes          metric.Int64Counter
	tokensIn, tokensOut        metric.Int64Counter
	duration, timeToFirstToken metric.Float64Histogram
	streamStrategy             metric.MeasurementOption
}

func newInline(s *sdk) (*inline, error) {
	m := s.mp.Meter(tm.MeterName)
	in := &inline{app: s.tp.Tracer(tm.TracerApplication), backend: s.tp.Tracer(tm.TracerBackend)}
	var errs [6]error
	in.checks, errs[0] = m.Int64Counter(tm.MetricRequirementChecks, metric.WithUnit(tm.UnitCheck))
	in.successes, errs[1] = m.Int64Counter(tm.MetricSamplingSuccesses, metric.WithUnit(tm.UnitSample))
	in.tokensIn, errs[2] = m.Int64Counter(tm.MetricTokensInput, metric.WithUnit(tm.UnitTokens))
	in.tokensOut, errs[3] = m.Int64Counter(tm.MetricTokensOutput, metric.WithUnit(tm.UnitTokens))
	in.duration, errs[4] = m.Float64Histogram(tm.MetricRequestDuration, metric.WithUnit(tm.UnitSeconds),
		metric.WithExplicitBucketBoundaries(tm.DurationBuckets()...))
	in.timeToFirstToken, errs[5] = m.Float64Histogram(tm.MetricTimeToFirstToken, metric.WithUnit(tm.UnitSeconds),
		metric.WithExplicitBucketBoundaries(tm.TTFBBuckets()...))
	in.streamStrategy = metric.WithAttributeSet(attribute.NewSet(attribute.String(tm.MAttrStrategy, tm.StrategyStream)))
	return in, errors.Join(errs[:]...)
}

// run is one inline stream of b's reply to req, chunked by c and checked
// by reqs. It returns the chunks it delivered.
func (in *inline) run(ctx context.Context, b backend.Streamer, req backend.Request, c chunking.Resumer, reqs []requirement.Requirement) ([]string, error) {
	ctx, span := in.app.Start(ctx, tm.SpanStream, trace.WithAttributes(
		attribute.Bool(tm.AttrStreamHasReqs, len(reqs) > 0),
		attribute.Int(tm.AttrStreamReqCount, len(reqs)),
		attribute.String(tm.AttrStreamChunking, chunking.Name(c))))
	st := &inlineStream{in: in, ctx: ctx, span: span, reqs: reqs, chunker: c}
	st.requirementAttrs()
	err := st.generate(b, req)
	if err == nil {
		err = st.end()
	}
	if err != nil {
		span.End()
		return nil, err
	}
	st.finish(b)
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

func (st *inlineStream) requirementAttrs() {
	for _, q := range st.reqs {
		name := attribute.String(tm.MAttrRequirement, requirement.Name(q))
		st.checkOf = append(st.checkOf, metric.WithAttributeSet(attribute.NewSet(name)))
	}
}

// generate streams the reply inside its chat span and records the
// generation's metrics.
func (st *inlineStream) generate(b backend.Streamer, req backend.Request) error {
	model := attribute.String(tm.AttrGenAIRequestModel, b.Model())
	provider := attribute.String(tm.AttrGenAIProvider, b.Name())
	ctx, chat := st.in.backend.Start(st.ctx, tm.SpanChat+" "+b.Model(), trace.WithAttributes(
		provider, model, attribute.String(tm.AttrGenAIOperation, tm.OperationChat), attribute.Bool(tm.AttrGenAIRequestStream, true)))
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
	chat.SetAttributes(
		attribute.String(tm.AttrGenAIResponseModel, resp.Model),
		attribute.StringSlice(tm.AttrGenAIFinishReasons, []string{resp.FinishReason}),
		attribute.Int64(tm.AttrGenAIInputTokens, resp.Usage.InputTokens),
		attribute.Int64(tm.AttrGenAIOutputTokens, resp.Usage.OutputTokens))
	chat.End()
	gen := metric.WithAttributeSet(attribute.NewSet(provider, model))
	st.in.tokensIn.Add(st.ctx, resp.Usage.InputTokens, gen)
	st.in.tokensOut.Add(st.ctx, resp.Usage.OutputTokens, gen)
	st.in.duration.Record(st.ctx, latency.Seconds(), metric.WithAttributeSet(attribute.NewSet(model, provider, attribute.Bool(tm.MAttrStreaming, true))))
	st.in.timeToFirstToken.Record(st.ctx, first.Sub(start).Seconds(), gen)
	return nil
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
	for i, q := range st.reqs {
		res, err := q.Check(st.ctx, nil, chunk)
		if err != nil || res.Outcome == hooks.Fail {
			return fmt.Errorf("inline: chunk %d failed its check: %v %v", st.index, res, err)
		}
		st.in.checks.Add(st.ctx, 1, st.checkOf[i])
	}
	if len(st.reqs) > 0 {
		st.span.AddEvent(tm.EventQuickCheck, trace.WithAttributes(
			attribute.Int(tm.EvAttrChunkIndex, st.index),
			attribute.Bool(tm.EvAttrPassed, true),
			attribute.Int(tm.EvAttrRequirementCount, len(st.reqs))))
	}
	st.span.AddEvent(tm.EventChunk, trace.WithAttributes(
		attribute.Int(tm.EvAttrChunkIndex, st.index),
		attribute.Int(tm.EvAttrTextLength, utf8.RuneCountInString(chunk))))
	st.delivered = append(st.delivered, chunk)
	st.index++
	return nil
}

// end flushes the withheld fragment and runs the full validation.
func (st *inlineStream) end() error {
	for _, c := range st.chunker.Flush(st.pending) {
		if err := st.process(c); err != nil {
			return err
		}
	}
	full := st.acc.String()
	st.span.AddEvent(tm.EventStreamingDone, trace.WithAttributes(attribute.Int(tm.EvAttrFullTextLength, utf8.RuneCountInString(full))))
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
	st.span.AddEvent(tm.EventFullValidation, trace.WithAttributes(
		attribute.Bool(tm.EvAttrPassed, passed),
		attribute.Int(tm.EvAttrRequirementCount, len(st.reqs))))
	return nil
}

// finish emits the completed event and ends the stream's span.
func (st *inlineStream) finish(b backend.Backend) {
	n := utf8.RuneCountInString(st.acc.String())
	st.span.AddEvent(tm.EventCompleted, trace.WithAttributes(
		attribute.Bool(tm.EvAttrSuccess, true),
		attribute.Int(tm.EvAttrFullTextLength, n)))
	st.span.SetAttributes(
		attribute.Int(tm.AttrStreamFullTextLen, n),
		attribute.String(tm.AttrGenAIRequestModel, b.Model()),
		attribute.String(tm.AttrGenAIProvider, b.Name()))
	st.in.successes.Add(st.ctx, 1, st.in.streamStrategy)
	st.span.End()
}
