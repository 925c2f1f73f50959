// Package telemetry is the OpenTelemetry side of hookweave: tracing and
// metrics plugins subscribed to the hooks of package hooks, the typed helpers
// that drive the stream_with_chunking span, the human-readable console
// exporter, and the set-up of providers and exporters from mellea's
// environment switches and the standard OTEL_* variables.
//
// The names it emits (spans, span events, attributes, metrics, units,
// buckets) are those of one mellea release, chosen by MELLEA_TELEMETRY_NAMES:
// v0.7 (mellea v0.7.0, the default) or main (mellea main). Each release is one
// table in the module's internal package semconv, and no name is spelt out
// anywhere else.
//
// Package telemetry may import hooks and OpenTelemetry; it never imports
// stdlib (stdlib must not import it either: the dependency arrows are
// stdlib -> hooks <- telemetry). Woven binaries link it through package
// telemetry/plugins, which registers the configured plugin set at init.
//
// # Spans and nesting
//
// A start hook's tracing handler starts a span and returns a context that
// carries it, both as OpenTelemetry's current span and under a key of this
// package together with the lifecycle's correlation id. The woven code runs
// the rest of the lifecycle under that context and hands it to the end hook,
// which finds its span again by key and id. So spans nest as
// session > action > stream_with_chunking > chat with no table of spans and
// no goroutine-affine state, and concurrent streams never cross.
//
// A stream retried by a sampling strategy is one stream span with a chat
// child per attempt, and a retry span event (the attempt starting and the
// reason) before each retry. The retry event is this port's addition:
// mellea's tracing drops its RetryEvent. Its keys follow each release's
// naming (v0.7: attempt, reason; main: mellea.sampling.iteration,
// mellea.sampling.failure_reason). Requirement metrics count every
// attempt's checks; the sampling success or failure counts once per
// stream.
//
// # Spans on a program's own functions
//
// A function annotated //mellea:hook span, in any package of a program
// built with -toolexec=hookweave, gets one span per call, under either
// name profile (mellea has no such span): INTERNAL, from the
// mellea.application tracer, named by the annotation's name= or after the
// function ("(*store).lookup"), a child of the context's span, with
// code.function.name (the fully qualified function), code.file.path and
// code.line.number (its declaration), OpenTelemetry's keys. The spans of
// what the function calls under its context nest below it. A returned
// error (when the last result is error) sets ERROR with its text and
// error.type, its hooks.ErrorKind; a panic records the exception event
// (exception.type PanicError, exception.message the panic's value) and
// ERROR "panic: <value>", and goes on.
//
// # Plugin modes
//
// The tracing plugin is an audit plugin of priority 10 (so plugins of the
// default priority see its span in their context); the metrics plugin is an
// audit plugin of the default priority. Both run on the caller's goroutine.
//
// # Configuration
//
// Parse (FromEnv) reads mellea's switches; a switch is on when its value is
// 1, true or yes, in any case:
//
//	MELLEA_TRACES_ENABLED    tracing plugin and tracer provider
//	MELLEA_TRACES_CONSOLE    spans on standard error: 1/true/yes (or tree) for the
//	                         human-readable tree below, json for the SDK's
//	                         stdouttrace JSON
//	MELLEA_TRACES_OTLP       OTLP span exporter
//	MELLEA_TRACES_CONTENT    record mellea.action.response (cut at 500 characters
//	                         plus "..."); OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT
//	                         works too, as in mellea
//	MELLEA_METRICS_ENABLED   metrics plugin and meter provider
//	MELLEA_METRICS_CONSOLE   metrics on standard error (stdoutmetric JSON)
//	MELLEA_METRICS_OTLP      OTLP metric exporter
//	MELLEA_METRICS_PROMETHEUS    serve the metrics at /metrics on
//	                         MELLEA_METRICS_PROMETHEUS_ADDR (default 127.0.0.1:9464)
//	MELLEA_GENERATION_CHUNK_EVENTS  chunk_processed events and the per-chunk
//	                         latency metric (profile main)
//	MELLEA_PRICING_FILE      prices per model for mellea.llm.cost.usd
//	                         (MELLEA_PRICING_ENABLED=false turns it off)
//	MELLEA_TELEMETRY_NAMES   v0.7 (default) or main
//	OTEL_METRIC_EXPORT_INTERVAL  milliseconds between exports (default 60000)
//	OTEL_SERVICE_NAME        service.name (default mellea)
//
// The console and OTLP switches take effect only under their ENABLED switch.
// An OTLP switch needs an endpoint, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT (or
// _METRICS_ENDPOINT) else OTEL_EXPORTER_OTLP_ENDPOINT; without one it warns
// and stays off. The transport is gRPC unless OTEL_EXPORTER_OTLP_PROTOCOL
// (or the signal's _TRACES_PROTOCOL / _METRICS_PROTOCOL) says http/protobuf
// or http/json. gRPC is the default because mellea's exporters are gRPC
// ones (the OpenTelemetry specification's default is http/protobuf). The
// exporters read every other OTEL_EXPORTER_OTLP_* variable (headers, TLS,
// timeout, compression) themselves, and the SDK reads OTEL_RESOURCE_ATTRIBUTES
// and the OTEL_TRACES_SAMPLER variables.
//
// With both ENABLED switches off, New builds no provider and Register
// registers no plugin.
//
// # The program's own providers
//
// With a signal's ENABLED switch on and none of its exporter switches
// (TracesConfig.Exports, MetricsConfig.Exports), its plugin records to
// OpenTelemetry's global provider: the program's own, the first it installs
// with otel.SetTracerProvider or otel.SetMeterProvider, whether before or
// after the plugin set is made. The library's spans nest under the
// program's (handle-request > session > action > stream_with_chunking >
// chat) and leave through the program's exporters, with its resource; the
// set never shuts down a provider it did not build. With an exporter switch
// on, the set builds its own provider, which package plugins makes the
// global one. A program that wires the set itself passes its providers to
// New with WithTracerProvider and WithMeterProvider.
//
// # Console tree
//
// The tree is printed when a trace's root span ends (spans left at shutdown
// are printed then): a header with the trace id, then one line per span with
// its kind (when not internal), duration, status (ERROR and its description;
// UNSET prints nothing) and attributes, its events prefixed with • and their
// offset from the span's start, then its children by start time:
//
//	trace faed4e0c8e12a084d0e358e6b9a46db8
//	session 49µs mellea.session.id=0723… mellea.session.context_type=SimpleContext gen_ai.provider.name=scripted
//	└─ stream_with_chunking 25µs ERROR "Streaming validation failed: too long" mellea.has_requirements=true …
//	   │  • quick_check +18µs chunk_index=0 passed=false requirement_count=1
//	   │  • completed +23µs success=false full_text_length=0
//	   └─ chat m1 3µs gen_ai.provider.name=scripted gen_ai.request.model=m1 gen_ai.operation.name=chat …
//
// # Choices where mellea leaves room
//
// Lengths (response_length, text_length, full_text_length of the events) count
// characters, as Python's len does; the stream's full_text_length is the
// payload's FullTextLength as stdlib reports it. A consumer that stops a
// stream early counts as a sampling failure (the stream did not succeed).
// Unlike mellea, a cancelled generation (hooks.ErrCancelled) is not counted
// in mellea.llm.errors, and a backend failure inside a stream is counted
// once, by its generation: streaming_end counts only errors that carry no
// category (not a backend's). error.type is hooks.ErrorKind, a kind name.
// The README lists each deviation with its reason.
package telemetry
