package telemetry_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	"go.opentelemetry.io/otel/sdk/metric/metricdata/metricdatatest"

	"github.com/hookweave/hookweave/hooks"
)

// recordAll drives every metric through hook dispatch: three streams (a
// failed check, a success, an error) and three generations (streamed,
// whole, failed).
func recordAll() {
	reqs := []string{"LengthReq", "ToneReq"}
	check := func(outcomes ...hooks.Outcome) func(context.Context, string) error {
		return func(ctx context.Context, id string) error {
			var rs []hooks.CheckResult
			passed := true
			for i, o := range outcomes {
				rs = append(rs, hooks.CheckResult{Requirement: reqs[i], Outcome: o, Reason: "why"})
				passed = passed && o != hooks.Fail
			}
			hooks.EmitEvent(ctx, id, hooks.QuickCheckEvent{Attempt: 1, Passed: passed, Results: rs}, reqs)
			hooks.EmitEvent(ctx, id, hooks.CompletedEvent{Success: passed}, nil) // no check: not counted
			return nil
		}
	}
	inStream(ctx, &stream{reqs: 2, end: hooks.StreamingEndPayload{FailureReason: "Streaming validation failed: why"}}, check(hooks.Pass, hooks.Fail))
	inStream(ctx, &stream{reqs: 2, end: hooks.StreamingEndPayload{Success: true}}, check(hooks.Pass, hooks.Unknown))
	inStream(ctx, &stream{}, func(context.Context, string) error { return errors.New("chunker broke") })
	// A backend failure is counted by its generation, not again by the
	// stream it ends; a cancelled generation is not an LLM error.
	inStream(ctx, &stream{}, func(context.Context, string) error { return &faultError{"429"} })
	inGeneration(ctx, &generation{model: "m1", provider: "scripted", stream: true}, func(context.Context) error {
		return fmt.Errorf("%w: stopped", hooks.ErrCancelled)
	})

	inGeneration(ctx, &generation{model: "m1", provider: "scripted", stream: true, latency: 1500 * time.Millisecond, ttft: 200 * time.Millisecond,
		usage: hooks.Usage{InputTokens: 10, OutputTokens: 20, Known: true}}, nil)
	inGeneration(ctx, &generation{model: "m1", provider: "scripted", latency: 300 * time.Millisecond}, nil)
	inGeneration(ctx, &generation{model: "m2", provider: "p2", latency: time.Second}, func(context.Context) error { return &faultError{"429"} })
}

func counter(name, unit string, points ...metricdata.DataPoint[int64]) metricdata.Metrics {
	return metricdata.Metrics{Name: name, Unit: unit, Data: metricdata.Sum[int64]{
		DataPoints: points, Temporality: metricdata.CumulativeTemporality, IsMonotonic: true,
	}}
}

func point(v int64, kvs ...attribute.KeyValue) metricdata.DataPoint[int64] {
	return metricdata.DataPoint[int64]{Attributes: attribute.NewSet(kvs...), Value: v}
}

func histogram(name string, points ...metricdata.HistogramDataPoint[float64]) metricdata.Metrics {
	return metricdata.Metrics{Name: name, Unit: "s", Data: metricdata.Histogram[float64]{
		DataPoints: points, Temporality: metricdata.CumulativeTemporality,
	}}
}

// observation is a histogram point of one value v that falls in bucket i.
func observation(v float64, bounds []float64, i int, kvs ...attribute.KeyValue) metricdata.HistogramDataPoint[float64] {
	counts := make([]uint64, len(bounds)+1)
	counts[i] = 1
	return metricdata.HistogramDataPoint[float64]{
		Attributes: attribute.NewSet(kvs...), Count: 1, Sum: v, Bounds: bounds, BucketCounts: counts,
		Min: metricdata.NewExtrema(v), Max: metricdata.NewExtrema(v),
	}
}

func TestMetrics_EveryMetricThroughThePlugins(t *testing.T) {
	h := newHarness(t)
	recordAll()
	req := func(name string) attribute.KeyValue { return attribute.String("requirement", name) }
	strategy := attribute.String("strategy", "stream_with_chunking")
	model := func(m string) attribute.KeyValue { return attribute.String("gen_ai.request.model", m) }
	provider := func(p string) attribute.KeyValue { return attribute.String("gen_ai.provider.name", p) }
	rateLimit := attribute.String("error_type", hooks.CategoryRateLimit)
	errType := attribute.String("error.type", "RateLimitError")
	durations := []float64{0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120}
	ttfbs := []float64{0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10}

	for _, want := range []metricdata.Metrics{
		counter("mellea.requirement.checks", "{check}", point(2, req("LengthReq")), point(2, req("ToneReq"))),
		counter("mellea.requirement.failures", "{failure}", point(1, req("ToneReq"), attribute.String("reason", "why"))),
		counter("mellea.sampling.successes", "{sample}", point(1, strategy)),
		counter("mellea.sampling.failures", "{failure}", point(3, strategy)),
		counter("mellea.llm.errors", "{error}",
			point(1, attribute.String("error_type", hooks.CategoryUnknown), model("unknown"), provider("unknown"), attribute.String("error.type", "_OTHER")), // the erring stream
			point(1, rateLimit, model("m2"), provider("p2"), errType)), // the failed generation
		counter("mellea.llm.tokens.input", "tokens", point(10, model("m1"), provider("scripted"))),
		counter("mellea.llm.tokens.output", "tokens", point(20, model("m1"), provider("scripted"))),
		histogram("mellea.llm.request.duration",
			observation(1.5, durations, 4, model("m1"), provider("scripted"), attribute.Bool("streaming", true)),
			observation(0.3, durations, 2, model("m1"), provider("scripted"), attribute.Bool("streaming", false))),
		histogram("mellea.llm.ttfb", observation(0.2, ttfbs, 2, model("m1"), provider("scripted"))),
	} {
		got := h.metric(t, want.Name)
		got.Description = ""
		metricdatatest.AssertEqual(t, want, got, metricdatatest.IgnoreTimestamp(), metricdatatest.IgnoreExemplars())
	}
}
