package telemetry

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/internal/semconv"
)

// MetricsPluginName is the name under which the metrics plugin registers.
const MetricsPluginName = "telemetry.metrics"

// metrics is the metrics plugin. It is the only code that records on these
// instruments. An instrument the release does not have is nil.
type metrics struct {
	n                    *names
	prices               Prices // nil: no cost metric
	chunks               bool   // the per-chunk latency metric
	checks, failures     metric.Int64Counter
	successes, samplFail metric.Int64Counter
	llmErrors            metric.Int64Counter
	tokensIn, tokensOut  metric.Int64Counter
	tokenUsage           metric.Int64Histogram
	cost                 metric.Float64Counter
	duration, ttfc       metric.Float64Histogram
	perChunk             metric.Float64Histogram
	// checkOf is the checks counter's options per requirement name.
	checkOf *optionCache
	// strategy is the sampling counters' attributes.
	strategy metric.MeasurementOption
}

// instruments creates the release's instruments on m.
type instruments struct {
	m    metric.Meter
	errs []error
}

func (in *instruments) counter(i semconv.Instrument) metric.Int64Counter {
	if i.Name == "" {
		return nil
	}
	c, err := in.m.Int64Counter(i.Name, metric.WithUnit(i.Unit), metric.WithDescription(i.Description))
	in.errs = append(in.errs, err)
	return c
}

func (in *instruments) floatCounter(i semconv.Instrument) metric.Float64Counter {
	if i.Name == "" {
		return nil
	}
	c, err := in.m.Float64Counter(i.Name, metric.WithUnit(i.Unit), metric.WithDescription(i.Description))
	in.errs = append(in.errs, err)
	return c
}

func (in *instruments) histogram(i semconv.Instrument) metric.Float64Histogram {
	if i.Name == "" {
		return nil
	}
	h, err := in.m.Float64Histogram(i.Name, metric.WithUnit(i.Unit), metric.WithDescription(i.Description),
		metric.WithExplicitBucketBoundaries(i.Buckets...))
	in.errs = append(in.errs, err)
	return h
}

func (in *instruments) intHistogram(i semconv.Instrument) metric.Int64Histogram {
	if i.Name == "" {
		return nil
	}
	h, err := in.m.Int64Histogram(i.Name, metric.WithUnit(i.Unit), metric.WithDescription(i.Description),
		metric.WithExplicitBucketBoundaries(i.Buckets...))
	in.errs = append(in.errs, err)
	return h
}

func newMetrics(mp metric.MeterProvider, n *names, cfg MetricsConfig) (*metrics, error) {
	in := &instruments{m: mp.Meter(MeterName)}
	ms := &metrics{
		n:          n,
		chunks:     cfg.ChunkEvents && n.MetricTimePerChunk.Name != "",
		checks:     in.counter(n.MetricRequirementChecks),
		failures:   in.counter(n.MetricRequirementFailures),
		successes:  in.counter(n.MetricSamplingSuccesses),
		samplFail:  in.counter(n.MetricSamplingFailures),
		llmErrors:  in.counter(n.MetricLLMErrors),
		tokensIn:   in.counter(n.MetricInputTokens),
		tokensOut:  in.counter(n.MetricOutputTokens),
		tokenUsage: in.intHistogram(n.MetricTokenUsage),
		duration:   in.histogram(n.MetricDuration),
		ttfc:       in.histogram(n.MetricTimeToFirstChunk),
	}
	ms.checkOf = newOptionCache(n.MetricRequirement)
	ms.strategy = metric.WithAttributeSet(attribute.NewSet(attribute.String(n.MetricStrategy, n.Strategy)))
	if ms.chunks {
		ms.perChunk = in.histogram(n.MetricTimePerChunk)
	}
	if cfg.Prices != nil {
		ms.prices = cfg.Prices
		ms.cost = in.floatCounter(n.MetricCost)
	}
	if err := errors.Join(in.errs...); err != nil {
		return nil, err
	}
	return ms, nil
}

func (m *metrics) handlers() map[hooks.Hook]hooks.Handler {
	hs := map[hooks.Hook]hooks.Handler{
		hooks.StreamingEvent:     observe(m.streamEvent),
		hooks.StreamingEnd:       observe(m.streamEnd),
		hooks.GenerationPostCall: observe(m.generationEnd),
		hooks.GenerationError:    observe(m.generationError),
	}
	if m.chunks {
		hs[hooks.GenerationEvent] = observe(m.generationChunk)
	}
	return hs
}

// streamEvent counts the checks and failures of a quick-checked chunk:
// one per requirement.
func (m *metrics) streamEvent(ctx context.Context, e *hooks.StreamingEventPayload) {
	qc, ok := e.Event.(hooks.QuickCheckEvent)
	if !ok {
		return
	}
	for i, r := range qc.Results {
		name := requirementName(e.Requirements, i, r)
		m.checks.Add(ctx, 1, m.checkOf.options(name)...)
		if r.Outcome == hooks.Fail {
			m.failures.Add(ctx, 1, metric.WithAttributes(
				attribute.String(m.n.MetricRequirement, name), attribute.String(m.n.MetricReason, r.Reason)))
		}
	}
}

// requirementName is the type name of the i-th active requirement, from
// the payload's list, else from the result.
func requirementName(active []string, i int, r hooks.CheckResult) string {
	if i < len(active) && active[i] != "" {
		return active[i]
	}
	return r.Requirement
}

// streamEnd records the stream's sampling outcome, and an LLM error when
// the stream ended with one that no generation counted: a backend failure
// (an error with a category) was counted by its generation_error already,
// and a cancellation is not an LLM error.
func (m *metrics) streamEnd(ctx context.Context, e *hooks.StreamingEndPayload) {
	if e.Success {
		m.successes.Add(ctx, 1, m.strategy)
	} else {
		m.samplFail.Add(ctx, 1, m.strategy)
	}
	var c hooks.Categorized
	if e.Err != nil && !errors.As(e.Err, &c) && !errors.Is(e.Err, hooks.ErrCancelled) {
		m.recordError(ctx, e.Err, e.ErrorCategory, e.Model, e.Provider)
	}
}

// generation is the model and provider attributes of a generation, with
// gen_ai.operation.name in the release that has it.
func (m *metrics) generation(model, provider string) attrs {
	a := make(attrs, 0, 5) // and room for the two a caller may add
	a.str(m.n.RequestModel, m.orUnknown(model))
	a.str(m.n.Provider, m.orUnknown(m.n.ProviderName(provider)))
	a.str(m.n.MetricOperation, m.n.OperationChat)
	return a
}

// generationEnd records token usage, duration, time to first chunk and
// cost of a successful generation.
func (m *metrics) generationEnd(ctx context.Context, g *hooks.GenerationPayload) {
	a := m.generation(g.Model, g.Provider)
	// The set of a, built (sorted, deduplicated) once for every
	// instrument that records with it.
	gen := metric.WithAttributeSet(attribute.NewSet(a...))
	if g.Usage.Known {
		m.tokens(ctx, a, gen, g.Usage.InputTokens, m.tokensIn, m.n.MetricTokenInput)
		m.tokens(ctx, a, gen, g.Usage.OutputTokens, m.tokensOut, m.n.MetricTokenOutput)
	}
	d := append(make(attrs, 0, len(a)+1), a...)
	d.boolean(m.n.MetricStreaming, g.Stream)
	m.duration.Record(ctx, g.Latency.Seconds(), metric.WithAttributes(d...))
	if g.Stream && g.TimeToFirstToken > 0 {
		m.ttfc.Record(ctx, g.TimeToFirstToken.Seconds(), gen)
	}
	if m.cost != nil && g.Usage.Known {
		if usd, ok := m.prices.Cost(g.Model, g.Usage.InputTokens, g.Usage.OutputTokens); ok {
			m.cost.Add(ctx, usd, gen)
		}
	}
}

// tokens records n tokens of one type, when there are some: on the
// release's counter of that type (with gen, the set of a), or on the token
// histogram with a and the type as attributes.
func (m *metrics) tokens(ctx context.Context, a attrs, gen metric.MeasurementOption, n int64, counter metric.Int64Counter, typ string) {
	if n <= 0 {
		return
	}
	if m.tokenUsage != nil {
		t := append(make(attrs, 0, len(a)+1), a...)
		t.str(m.n.MetricTokenType, typ)
		m.tokenUsage.Record(ctx, n, metric.WithAttributes(t...))
		return
	}
	counter.Add(ctx, n, gen)
}

// generationError counts a failed generation in mellea.llm.errors, unless
// it was cancelled, and times it in the release that times failures.
func (m *metrics) generationError(ctx context.Context, g *hooks.GenerationPayload) {
	if g.Err == nil {
		return
	}
	if m.n.DurationOnError {
		d := m.generation(g.Model, g.Provider)
		d.boolean(m.n.MetricStreaming, g.Stream)
		d.str(m.n.ErrorType, hooks.ErrorKind(g.Err))
		m.duration.Record(ctx, g.Latency.Seconds(), metric.WithAttributes(d...))
	}
	if !errors.Is(g.Err, hooks.ErrCancelled) {
		m.recordError(ctx, g.Err, g.ErrorCategory, g.Model, g.Provider)
	}
}

// generationChunk records the time between two chunks of a generation.
func (m *metrics) generationChunk(ctx context.Context, c *hooks.GenerationEventPayload) {
	if c.ChunkIndex > 0 {
		m.perChunk.Record(ctx, c.SinceLast.Seconds(), metric.WithAttributes(m.generation(c.Model, c.Provider)...))
	}
}

// recordError adds one to mellea.llm.errors; category defaults to the
// error's own.
func (m *metrics) recordError(ctx context.Context, err error, category, model, provider string) {
	if category == "" {
		category = hooks.ErrorCategory(err)
	}
	a := m.generation(model, provider)
	a.str(m.n.MetricErrorCategory, category)
	a.str(m.n.ErrorType, hooks.ErrorKind(err))
	m.llmErrors.Add(ctx, 1, metric.WithAttributes(a...))
}

func (m *metrics) orUnknown(s string) string {
	if s == "" {
		return m.n.Unknown
	}
	return s
}
