package telemetry_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/telemetry"
)

// The endpoint serves the run's metrics while the program runs, in a form
// Prometheus parses.
func TestPrometheus_ScrapedDuringARun(t *testing.T) {
	set, err := telemetry.New(telemetry.Config{Metrics: telemetry.MetricsConfig{Enabled: true, Prometheus: true, PrometheusAddr: "127.0.0.1:0"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := set.Register(); err != nil {
		t.Fatal(err)
	}
	defer set.Shutdown(context.Background())
	inGeneration(ctx, &generation{model: "m1", provider: "scripted", stream: true, latency: time.Second, ttft: 100 * time.Millisecond,
		usage: hooks.Usage{InputTokens: 10, OutputTokens: 20, Known: true}}, nil)

	resp, err := http.Get(set.PrometheusURL())
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	parser := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := parser.TextToMetricFamilies(resp.Body)
	if err != nil {
		t.Fatalf("the endpoint's text does not parse: %v", err)
	}
	for name, want := range map[string]float64{
		"mellea_llm_tokens_input_total":  10,
		"mellea_llm_tokens_output_total": 20,
	} {
		f, ok := fams[name]
		if !ok || len(f.GetMetric()) != 1 || f.GetMetric()[0].GetCounter().GetValue() != want {
			t.Errorf("%s = %v, want one series of %v", name, f, want)
		}
	}
	d, ok := fams["mellea_llm_request_duration_seconds"]
	if !ok || len(d.GetMetric()) != 1 || d.GetMetric()[0].GetHistogram().GetSampleCount() != 1 {
		t.Fatalf("mellea_llm_request_duration_seconds = %v, want one observation", d)
	}
	labels := map[string]string{}
	for _, l := range d.GetMetric()[0].GetLabel() {
		labels[l.GetName()] = l.GetValue()
	}
	if labels["gen_ai_provider_name"] != "scripted" || labels["gen_ai_request_model"] != "m1" || labels["streaming"] != "true" {
		t.Errorf("labels %v", labels)
	}
	set.Shutdown(context.Background())
	if _, err := http.Get(set.PrometheusURL()); err == nil {
		t.Error("the endpoint still serves after Shutdown")
	}
}
