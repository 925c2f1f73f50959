package telemetry

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// Environment variables read by Parse. The OTLP exporters also
// read the standard OTEL_EXPORTER_OTLP_* variables themselves (headers,
// TLS, timeout, compression) as the OpenTelemetry Go SDK documents them.
const (
	EnvTracesEnabled  = "MELLEA_TRACES_ENABLED"
	EnvTracesConsole  = "MELLEA_TRACES_CONSOLE"
	EnvTracesOTLP     = "MELLEA_TRACES_OTLP"
	EnvTracesContent  = "MELLEA_TRACES_CONTENT"
	EnvMetricsEnabled = "MELLEA_METRICS_ENABLED"
	EnvMetricsConsole = "MELLEA_METRICS_CONSOLE"
	EnvMetricsOTLP    = "MELLEA_METRICS_OTLP"

	EnvTelemetryNames      = "MELLEA_TELEMETRY_NAMES"
	EnvChunkEvents         = "MELLEA_GENERATION_CHUNK_EVENTS"
	EnvMetricsPrometheus   = "MELLEA_METRICS_PROMETHEUS"
	EnvPrometheusAddr      = "MELLEA_METRICS_PROMETHEUS_ADDR"
	EnvPricingEnabled      = "MELLEA_PRICING_ENABLED"
	EnvPricingFile         = "MELLEA_PRICING_FILE"
	EnvSpanEventCountLimit = "OTEL_SPAN_EVENT_COUNT_LIMIT"

	EnvServiceName           = "OTEL_SERVICE_NAME"
	EnvMetricExportInterval  = "OTEL_METRIC_EXPORT_INTERVAL"
	EnvCaptureMessageContent = "OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT"
	EnvOTLPEndpoint          = "OTEL_EXPORTER_OTLP_ENDPOINT"
	EnvOTLPTracesEndpoint    = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"
	EnvOTLPMetricsEndpoint   = "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"
	EnvOTLPProtocol          = "OTEL_EXPORTER_OTLP_PROTOCOL"
	EnvOTLPTracesProtocol    = "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL"
	EnvOTLPMetricsProtocol   = "OTEL_EXPORTER_OTLP_METRICS_PROTOCOL"
)

// Defaults of the configuration.
const (
	DefaultServiceName    = "mellea"
	DefaultExportInterval = 60 * time.Second
	DefaultPrometheusAddr = "127.0.0.1:9464"
)

// OTLP transport protocols, as OTEL_EXPORTER_OTLP_PROTOCOL spells them.
const (
	ProtocolGRPC         = "grpc"
	ProtocolHTTPProtobuf = "http/protobuf"
	ProtocolHTTPJSON     = "http/json"
)

// Console is the form of the console span output.
type Console uint8

// The console forms: MELLEA_TRACES_CONSOLE=true (1, yes) prints an indented
// tree of each trace when its root span ends; MELLEA_TRACES_CONSOLE=json
// prints the SDK's stdouttrace JSON. Both go to standard error.
const (
	ConsoleOff Console = iota
	ConsoleTree
	ConsoleJSON
)

// Config is the telemetry configuration, usually from Parse or FromEnv.
type Config struct {
	Traces      TracesConfig
	Metrics     MetricsConfig
	ServiceName string // service.name of the resource
	// Names is the profile of names, ProfileV07 (the default) or
	// ProfileMain (MELLEA_TELEMETRY_NAMES).
	Names string
}

// TracesConfig configures tracing.
type TracesConfig struct {
	Enabled bool    // MELLEA_TRACES_ENABLED: tracing plugins and provider
	Console Console // MELLEA_TRACES_CONSOLE
	OTLP    bool    // MELLEA_TRACES_OTLP, with an endpoint configured
	// Protocol is the OTLP transport: ProtocolGRPC (default) or an HTTP
	// one, from OTEL_EXPORTER_OTLP_TRACES_PROTOCOL or
	// OTEL_EXPORTER_OTLP_PROTOCOL.
	Protocol string
	// Content records the action's response text on the action span
	// (MELLEA_TRACES_CONTENT or
	// OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT).
	Content bool
	// ChunkEvents adds a chunk_processed event to the chat span per
	// backend chunk (MELLEA_GENERATION_CHUNK_EVENTS; profile main only).
	ChunkEvents bool
}

// MetricsConfig configures metrics.
type MetricsConfig struct {
	Enabled        bool          // MELLEA_METRICS_ENABLED: metrics plugins and provider
	Console        bool          // MELLEA_METRICS_CONSOLE
	OTLP           bool          // MELLEA_METRICS_OTLP, with an endpoint configured
	Protocol       string        // as TracesConfig.Protocol, with the _METRICS_ variable
	ExportInterval time.Duration // OTEL_METRIC_EXPORT_INTERVAL (milliseconds)
	// Prometheus serves the metrics at /metrics on PrometheusAddr
	// (MELLEA_METRICS_PROMETHEUS, MELLEA_METRICS_PROMETHEUS_ADDR).
	Prometheus     bool
	PrometheusAddr string
	// Prices, when not nil, enable mellea.llm.cost.usd
	// (MELLEA_PRICING_ENABLED, MELLEA_PRICING_FILE).
	Prices Prices
	// ChunkEvents records the per-chunk latency metric
	// (MELLEA_GENERATION_CHUNK_EVENTS; profile main only).
	ChunkEvents bool
}

// Exports reports whether an exporter of spans is on (console or OTLP).
// Without one the tracing plugin records to the program's own tracer
// provider, OpenTelemetry's global one.
func (t TracesConfig) Exports() bool { return t.Console != ConsoleOff || t.OTLP }

// Exports reports whether an exporter of metrics is on (console, OTLP or
// Prometheus). Without one the metrics plugin records to the program's own
// meter provider, OpenTelemetry's global one.
func (m MetricsConfig) Exports() bool { return m.Console || m.OTLP || m.Prometheus }

// Any reports whether any telemetry is enabled.
func (c Config) Any() bool { return c.Traces.Enabled || c.Metrics.Enabled }

// FromEnv parses the process environment; see Parse.
func FromEnv() (Config, []error) { return Parse(os.Getenv) }

// Parse reads the configuration through getenv. A switch is on when its
// value is 1, true or yes, in any case. The errors are warnings: the
// configuration is usable whatever they say. An OTLP switch without an
// endpoint (OTEL_EXPORTER_OTLP_{TRACES,METRICS}_ENDPOINT, else
// OTEL_EXPORTER_OTLP_ENDPOINT) warns and stays off.
func Parse(getenv func(string) string) (Config, []error) {
	var warns []error
	c := Config{ServiceName: getenv(EnvServiceName)}
	if c.ServiceName == "" {
		c.ServiceName = DefaultServiceName
	}
	c.Names, warns = profile(getenv(EnvTelemetryNames), warns)
	if truthy(getenv(EnvTracesEnabled)) {
		c.Traces, warns = parseTraces(getenv, warns)
	}
	if truthy(getenv(EnvMetricsEnabled)) {
		c.Metrics, warns = parseMetrics(getenv, warns)
	}
	return c, warns
}

func parseTraces(getenv func(string) string, warns []error) (TracesConfig, []error) {
	t := TracesConfig{Enabled: true}
	t.Console, warns = parseConsole(getenv(EnvTracesConsole), warns)
	t.Content = truthy(getenv(EnvTracesContent)) || truthy(getenv(EnvCaptureMessageContent))
	t.ChunkEvents = truthy(getenv(EnvChunkEvents))
	t.Protocol, warns = protocol(getenv, EnvOTLPTracesProtocol, warns)
	t.OTLP, warns = otlpSwitch(getenv, EnvTracesOTLP, EnvOTLPTracesEndpoint, warns)
	return t, warns
}

func parseMetrics(getenv func(string) string, warns []error) (MetricsConfig, []error) {
	m := MetricsConfig{Enabled: true, Console: truthy(getenv(EnvMetricsConsole))}
	m.Protocol, warns = protocol(getenv, EnvOTLPMetricsProtocol, warns)
	if m.Protocol == ProtocolHTTPJSON {
		// otlpmetrichttp encodes protobuf only.
		m.Protocol = ProtocolHTTPProtobuf
		warns = append(warns, fmt.Errorf("the OTLP metric exporter does not send %s; using %s", ProtocolHTTPJSON, ProtocolHTTPProtobuf))
	}
	m.OTLP, warns = otlpSwitch(getenv, EnvMetricsOTLP, EnvOTLPMetricsEndpoint, warns)
	m.ExportInterval, warns = exportInterval(getenv(EnvMetricExportInterval), warns)
	m.ChunkEvents = truthy(getenv(EnvChunkEvents))
	m.Prometheus = truthy(getenv(EnvMetricsPrometheus))
	if m.Prometheus {
		m.PrometheusAddr = getenv(EnvPrometheusAddr)
		if m.PrometheusAddr == "" {
			m.PrometheusAddr = DefaultPrometheusAddr
		}
	}
	m.Prices, warns = pricing(getenv, warns)
	return m, warns
}

// profile reads MELLEA_TELEMETRY_NAMES: a known profile, else the default
// with a warning that lists the valid ones.
func profile(v string, warns []error) (string, []error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return profiles[0].Profile, warns
	}
	n, ok := namesOf(v)
	if !ok {
		valid := make([]string, len(profiles))
		for i, p := range profiles {
			valid[i] = p.Profile
		}
		warns = append(warns, fmt.Errorf("%s=%q is not one of %s; using %s", EnvTelemetryNames, v, strings.Join(valid, ", "), n.Profile))
	}
	return n.Profile, warns
}

// truthy reports whether v is 1, true or yes, in any case.
func truthy(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "1", "true", "yes":
		return true
	}
	return false
}

func falsy(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "", "0", "false", "no":
		return true
	}
	return false
}

func parseConsole(v string, warns []error) (Console, []error) {
	switch {
	case truthy(v), strings.EqualFold(strings.TrimSpace(v), "tree"):
		return ConsoleTree, warns
	case strings.EqualFold(strings.TrimSpace(v), "json"):
		return ConsoleJSON, warns
	case !falsy(v):
		warns = append(warns, fmt.Errorf("%s=%q is not one of 1, true, yes, tree, json; console traces are off", EnvTracesConsole, v))
	}
	return ConsoleOff, warns
}

// otlpSwitch reads an OTLP switch; it is on only with an endpoint.
func otlpSwitch(getenv func(string) string, name, signalEndpoint string, warns []error) (bool, []error) {
	if !truthy(getenv(name)) {
		return false, warns
	}
	if getenv(signalEndpoint) == "" && getenv(EnvOTLPEndpoint) == "" {
		return false, append(warns, fmt.Errorf("%s is on but no endpoint is configured: set %s or %s", name, signalEndpoint, EnvOTLPEndpoint))
	}
	return true, warns
}

// protocol reads the signal's protocol variable, else the general one.
func protocol(getenv func(string) string, signal string, warns []error) (string, []error) {
	name, v := signal, getenv(signal)
	if v == "" {
		name, v = EnvOTLPProtocol, getenv(EnvOTLPProtocol)
	}
	switch v = strings.ToLower(strings.TrimSpace(v)); v {
	case "", ProtocolGRPC:
		return ProtocolGRPC, warns
	case ProtocolHTTPProtobuf, ProtocolHTTPJSON:
		return v, warns
	}
	return ProtocolGRPC, append(warns, fmt.Errorf("%s=%q is not one of grpc, http/protobuf, http/json; using grpc", name, v))
}

func exportInterval(v string, warns []error) (time.Duration, []error) {
	if v == "" {
		return DefaultExportInterval, warns
	}
	ms, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || ms <= 0 {
		return DefaultExportInterval, append(warns, fmt.Errorf("%s=%q is not a positive number of milliseconds; using %d", EnvMetricExportInterval, v, DefaultExportInterval.Milliseconds()))
	}
	return time.Duration(ms) * time.Millisecond, warns
}
