package telemetry_test

import (
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/hookweave/hookweave/telemetry"
)

func TestParse(t *testing.T) {
	traces := func(tc telemetry.TracesConfig) telemetry.Config {
		return telemetry.Config{Traces: tc, ServiceName: "mellea"}
	}
	metrics := func(mc telemetry.MetricsConfig) telemetry.Config {
		return telemetry.Config{Metrics: mc, ServiceName: "mellea"}
	}
	for _, tc := range []struct {
		name  string
		env   map[string]string
		want  telemetry.Config
		warns []string // substrings, one per warning
	}{
		{"nothing set", nil, telemetry.Config{ServiceName: "mellea"}, nil},
		{"exporters without the switch", map[string]string{"MELLEA_TRACES_CONSOLE": "1", "MELLEA_METRICS_CONSOLE": "1"},
			telemetry.Config{ServiceName: "mellea"}, nil},
		{"service name", map[string]string{"OTEL_SERVICE_NAME": "svc"}, telemetry.Config{ServiceName: "svc"}, nil},
		{"falsy values", map[string]string{"MELLEA_TRACES_ENABLED": "0", "MELLEA_METRICS_ENABLED": "no"},
			telemetry.Config{ServiceName: "mellea"}, nil},
		{"console tree, any case", map[string]string{"MELLEA_TRACES_ENABLED": "TRUE", "MELLEA_TRACES_CONSOLE": "Yes"},
			traces(telemetry.TracesConfig{Enabled: true, Console: telemetry.ConsoleTree, Protocol: "grpc"}), nil},
		{"traces with no exporter: the program's provider, no warning", map[string]string{"MELLEA_TRACES_ENABLED": "1"},
			traces(telemetry.TracesConfig{Enabled: true, Protocol: "grpc"}), nil},
		{"metrics with no exporter: the program's provider, no warning", map[string]string{"MELLEA_METRICS_ENABLED": "1"},
			metrics(telemetry.MetricsConfig{Enabled: true, Protocol: "grpc", ExportInterval: time.Minute}), nil},
		{"console json", map[string]string{"MELLEA_TRACES_ENABLED": "1", "MELLEA_TRACES_CONSOLE": "JSON"},
			traces(telemetry.TracesConfig{Enabled: true, Console: telemetry.ConsoleJSON, Protocol: "grpc"}), nil},
		{"console nonsense", map[string]string{"MELLEA_TRACES_ENABLED": "1", "MELLEA_TRACES_CONSOLE": "loud"},
			traces(telemetry.TracesConfig{Enabled: true, Protocol: "grpc"}), []string{"MELLEA_TRACES_CONSOLE=\"loud\""}},
		{"content", map[string]string{"MELLEA_TRACES_ENABLED": "yes", "MELLEA_TRACES_CONSOLE": "1", "MELLEA_TRACES_CONTENT": "true"},
			traces(telemetry.TracesConfig{Enabled: true, Console: telemetry.ConsoleTree, Protocol: "grpc", Content: true}), nil},
		{"content by the OTel variable", map[string]string{"MELLEA_TRACES_ENABLED": "1", "MELLEA_TRACES_CONSOLE": "1", "OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT": "1"},
			traces(telemetry.TracesConfig{Enabled: true, Console: telemetry.ConsoleTree, Protocol: "grpc", Content: true}), nil},
		{"otlp traces endpoint", map[string]string{"MELLEA_TRACES_ENABLED": "1", "MELLEA_TRACES_OTLP": "1", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "http://c:4317"},
			traces(telemetry.TracesConfig{Enabled: true, OTLP: true, Protocol: "grpc"}), nil},
		{"otlp general endpoint, http", map[string]string{"MELLEA_TRACES_ENABLED": "1", "MELLEA_TRACES_OTLP": "1", "OTEL_EXPORTER_OTLP_ENDPOINT": "http://c:4318", "OTEL_EXPORTER_OTLP_PROTOCOL": "http/protobuf"},
			traces(telemetry.TracesConfig{Enabled: true, OTLP: true, Protocol: "http/protobuf"}), nil},
		{"signal protocol wins", map[string]string{"MELLEA_TRACES_ENABLED": "1", "MELLEA_TRACES_OTLP": "1", "OTEL_EXPORTER_OTLP_ENDPOINT": "http://c", "OTEL_EXPORTER_OTLP_PROTOCOL": "http/protobuf", "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL": "grpc"},
			traces(telemetry.TracesConfig{Enabled: true, OTLP: true, Protocol: "grpc"}), nil},
		{"bad protocol", map[string]string{"MELLEA_TRACES_ENABLED": "1", "MELLEA_TRACES_OTLP": "1", "OTEL_EXPORTER_OTLP_ENDPOINT": "http://c", "OTEL_EXPORTER_OTLP_PROTOCOL": "carrier-pigeon"},
			traces(telemetry.TracesConfig{Enabled: true, OTLP: true, Protocol: "grpc"}), []string{"carrier-pigeon"}},
		{"otlp without endpoint", map[string]string{"MELLEA_TRACES_ENABLED": "1", "MELLEA_TRACES_OTLP": "1"},
			traces(telemetry.TracesConfig{Enabled: true, Protocol: "grpc"}), []string{"no endpoint"}},
		{"metrics console, default interval", map[string]string{"MELLEA_METRICS_ENABLED": "1", "MELLEA_METRICS_CONSOLE": "1"},
			metrics(telemetry.MetricsConfig{Enabled: true, Console: true, Protocol: "grpc", ExportInterval: time.Minute}), nil},
		{"metrics otlp, interval", map[string]string{"MELLEA_METRICS_ENABLED": "1", "MELLEA_METRICS_OTLP": "1", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT": "c:4317", "OTEL_METRIC_EXPORT_INTERVAL": "1500"},
			metrics(telemetry.MetricsConfig{Enabled: true, OTLP: true, Protocol: "grpc", ExportInterval: 1500 * time.Millisecond}), nil},
		{"metrics otlp, traces endpoint only", map[string]string{"MELLEA_METRICS_ENABLED": "1", "MELLEA_METRICS_OTLP": "1", "MELLEA_METRICS_CONSOLE": "1", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "c:4317"},
			metrics(telemetry.MetricsConfig{Enabled: true, Console: true, Protocol: "grpc", ExportInterval: time.Minute}), []string{"no endpoint"}},
		{"metrics over http/json", map[string]string{"MELLEA_METRICS_ENABLED": "1", "MELLEA_METRICS_OTLP": "1", "OTEL_EXPORTER_OTLP_ENDPOINT": "http://c", "OTEL_EXPORTER_OTLP_PROTOCOL": "http/json"},
			metrics(telemetry.MetricsConfig{Enabled: true, OTLP: true, Protocol: "http/protobuf", ExportInterval: time.Minute}), []string{"http/json"}},
		{"bad interval", map[string]string{"MELLEA_METRICS_ENABLED": "1", "MELLEA_METRICS_CONSOLE": "1", "OTEL_METRIC_EXPORT_INTERVAL": "-5"},
			metrics(telemetry.MetricsConfig{Enabled: true, Console: true, Protocol: "grpc", ExportInterval: time.Minute}), []string{"OTEL_METRIC_EXPORT_INTERVAL"}},
		{"names main", map[string]string{"MELLEA_TELEMETRY_NAMES": "main"},
			telemetry.Config{ServiceName: "mellea", Names: "main"}, nil},
		{"unknown names: the default, and the valid ones", map[string]string{"MELLEA_TELEMETRY_NAMES": "v0.8"},
			telemetry.Config{ServiceName: "mellea", Names: "v0.7"}, []string{`MELLEA_TELEMETRY_NAMES="v0.8" is not one of v0.7, main; using v0.7`}},
		{"chunk events", map[string]string{"MELLEA_TRACES_ENABLED": "1", "MELLEA_TRACES_CONSOLE": "1", "MELLEA_METRICS_ENABLED": "1", "MELLEA_METRICS_CONSOLE": "1", "MELLEA_GENERATION_CHUNK_EVENTS": " Yes "},
			telemetry.Config{ServiceName: "mellea",
				Traces:  telemetry.TracesConfig{Enabled: true, Console: telemetry.ConsoleTree, Protocol: "grpc", ChunkEvents: true},
				Metrics: telemetry.MetricsConfig{Enabled: true, Console: true, Protocol: "grpc", ExportInterval: time.Minute, ChunkEvents: true}}, nil},
		{"prometheus, default address", map[string]string{"MELLEA_METRICS_ENABLED": "1", "MELLEA_METRICS_PROMETHEUS": "1"},
			metrics(telemetry.MetricsConfig{Enabled: true, Protocol: "grpc", ExportInterval: time.Minute, Prometheus: true, PrometheusAddr: "127.0.0.1:9464"}), nil},
		{"prometheus address", map[string]string{"MELLEA_METRICS_ENABLED": "1", "MELLEA_METRICS_PROMETHEUS": "true", "MELLEA_METRICS_PROMETHEUS_ADDR": ":9999"},
			metrics(telemetry.MetricsConfig{Enabled: true, Protocol: "grpc", ExportInterval: time.Minute, Prometheus: true, PrometheusAddr: ":9999"}), nil},
		{"pricing on without a file", map[string]string{"MELLEA_METRICS_ENABLED": "1", "MELLEA_METRICS_CONSOLE": "1", "MELLEA_PRICING_ENABLED": "true"},
			metrics(telemetry.MetricsConfig{Enabled: true, Console: true, Protocol: "grpc", ExportInterval: time.Minute}), []string{"MELLEA_PRICING_FILE is not set"}},
		{"pricing file missing", map[string]string{"MELLEA_METRICS_ENABLED": "1", "MELLEA_METRICS_CONSOLE": "1", "MELLEA_PRICING_FILE": "/nonexistent/prices.json"},
			metrics(telemetry.MetricsConfig{Enabled: true, Console: true, Protocol: "grpc", ExportInterval: time.Minute}), []string{"MELLEA_PRICING_FILE: open /nonexistent/prices.json"}},
	} {
		if tc.want.Names == "" {
			tc.want.Names = "v0.7"
		}
		t.Run(tc.name, func(t *testing.T) {
			got, warns := telemetry.Parse(func(k string) string { return tc.env[k] })
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("config\n got %+v\nwant %+v", got, tc.want)
			}
			if len(warns) != len(tc.warns) {
				t.Fatalf("warnings %v, want %d", warns, len(tc.warns))
			}
			for i, w := range tc.warns {
				if !strings.Contains(warns[i].Error(), w) {
					t.Errorf("warning %q does not mention %q", warns[i], w)
				}
			}
		})
	}
}

func TestParse_PricingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "prices.json")
	if err := os.WriteFile(path, []byte(`{"m1": {"input_cost_per_token": 0.000003, "output_cost_per_token": 0.000015}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"MELLEA_METRICS_ENABLED": "1", "MELLEA_METRICS_CONSOLE": "1", "MELLEA_PRICING_FILE": path}
	cfg, warns := telemetry.Parse(func(k string) string { return env[k] })
	if len(warns) != 0 {
		t.Fatal(warns)
	}
	usd, ok := cfg.Metrics.Prices.Cost("m1", 1000, 100)
	if !ok || math.Abs(usd-0.0045) > 1e-12 {
		t.Errorf("cost of 1000 in, 100 out = %v, %v; want 0.0045", usd, ok)
	}
	if _, ok := cfg.Metrics.Prices.Cost("m2", 1, 1); ok {
		t.Error("a model without a price has a cost")
	}
	env["MELLEA_PRICING_ENABLED"] = "false"
	if cfg, _ := telemetry.Parse(func(k string) string { return env[k] }); cfg.Metrics.Prices != nil {
		t.Error("MELLEA_PRICING_ENABLED=false left prices on")
	}
}

func TestExports(t *testing.T) {
	for _, tc := range []struct {
		name            string
		env             map[string]string
		traces, metrics bool
	}{
		{"no exporter", map[string]string{"MELLEA_TRACES_ENABLED": "1", "MELLEA_METRICS_ENABLED": "1"}, false, false},
		{"otlp without endpoint is none", map[string]string{"MELLEA_TRACES_ENABLED": "1", "MELLEA_TRACES_OTLP": "1", "MELLEA_METRICS_ENABLED": "1", "MELLEA_METRICS_OTLP": "1"}, false, false},
		{"consoles", map[string]string{"MELLEA_TRACES_ENABLED": "1", "MELLEA_TRACES_CONSOLE": "json", "MELLEA_METRICS_ENABLED": "1", "MELLEA_METRICS_CONSOLE": "1"}, true, true},
		{"otlp", map[string]string{"MELLEA_TRACES_ENABLED": "1", "MELLEA_TRACES_OTLP": "1", "MELLEA_METRICS_ENABLED": "1", "MELLEA_METRICS_OTLP": "1", "OTEL_EXPORTER_OTLP_ENDPOINT": "http://c"}, true, true},
		{"prometheus", map[string]string{"MELLEA_METRICS_ENABLED": "1", "MELLEA_METRICS_PROMETHEUS": "1"}, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg, _ := telemetry.Parse(func(k string) string { return tc.env[k] })
			if got := cfg.Traces.Exports(); got != tc.traces {
				t.Errorf("traces export: %v, want %v", got, tc.traces)
			}
			if got := cfg.Metrics.Exports(); got != tc.metrics {
				t.Errorf("metrics export: %v, want %v", got, tc.metrics)
			}
		})
	}
}
