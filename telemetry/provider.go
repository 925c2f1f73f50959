package telemetry

import (
	"context"
	"fmt"
	"io"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/exporters/otlp/otlpmetric/otlpmetricgrpc"
	"go.opentelemetry.io/otel/exporters/otlp/otlpmetric/otlpmetrichttp"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracegrpc"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/exporters/stdout/stdoutmetric"
	"go.opentelemetry.io/otel/exporters/stdout/stdouttrace"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// newResource is the SDK's default resource (which reads
// OTEL_RESOURCE_ATTRIBUTES) with service.name set to name.
func newResource(name string) (*resource.Resource, error) {
	return resource.Merge(resource.Default(),
		resource.NewSchemaless(attribute.String("service.name", name)))
}

// newTracerProvider builds the tracer provider of cfg, with its console
// output on w.
func newTracerProvider(ctx context.Context, cfg Config, w io.Writer) (*sdktrace.TracerProvider, error) {
	res, err := newResource(cfg.ServiceName)
	if err != nil {
		return nil, fmt.Errorf("resource: %w", err)
	}
	opts := []sdktrace.TracerProviderOption{sdktrace.WithResource(res)}
	switch cfg.Traces.Console {
	case ConsoleTree:
		opts = append(opts, sdktrace.WithSpanProcessor(sdktrace.NewSimpleSpanProcessor(newTreeExporter(w))))
	case ConsoleJSON:
		exp, err := stdouttrace.New(stdouttrace.WithWriter(w))
		if err != nil {
			return nil, fmt.Errorf("console trace exporter: %w", err)
		}
		opts = append(opts, sdktrace.WithBatcher(exp))
	}
	if cfg.Traces.OTLP {
		exp, err := otlpTraceExporter(ctx, cfg.Traces.Protocol)
		if err != nil {
			return nil, fmt.Errorf("otlp trace exporter: %w", err)
		}
		opts = append(opts, sdktrace.WithBatcher(exp))
	}
	return sdktrace.NewTracerProvider(opts...), nil
}

// otlpTraceExporter returns the OTLP exporter of the protocol; it reads
// its endpoint and the other OTEL_EXPORTER_OTLP_* variables itself.
func otlpTraceExporter(ctx context.Context, protocol string) (sdktrace.SpanExporter, error) {
	if protocol == ProtocolGRPC {
		return otlptracegrpc.New(ctx)
	}
	return otlptracehttp.New(ctx)
}

// newMeterProvider builds the meter provider of cfg, with its console
// output on w, and the Prometheus endpoint when cfg asks for one (nil
// otherwise).
func newMeterProvider(ctx context.Context, cfg Config, w io.Writer) (*sdkmetric.MeterProvider, *promServer, error) {
	res, err := newResource(cfg.ServiceName)
	if err != nil {
		return nil, nil, fmt.Errorf("resource: %w", err)
	}
	opts := []sdkmetric.Option{sdkmetric.WithResource(res)}
	var prom *promServer
	if cfg.Metrics.Prometheus {
		reader, p, err := newPrometheus(cfg.Metrics.PrometheusAddr)
		if err != nil {
			return nil, nil, err
		}
		prom = p
		opts = append(opts, sdkmetric.WithReader(reader))
	}
	mp, err := meterProvider(ctx, cfg, w, opts)
	if err != nil && prom != nil {
		prom.Shutdown(ctx)
	}
	return mp, prom, err
}

// meterProvider adds the console and OTLP readers of cfg to opts.
func meterProvider(ctx context.Context, cfg Config, w io.Writer, opts []sdkmetric.Option) (*sdkmetric.MeterProvider, error) {
	interval := cfg.Metrics.ExportInterval
	if interval <= 0 {
		interval = DefaultExportInterval
	}
	every := sdkmetric.WithInterval(interval)
	if cfg.Metrics.Console {
		exp, err := stdoutmetric.New(stdoutmetric.WithWriter(w), stdoutmetric.WithPrettyPrint())
		if err != nil {
			return nil, fmt.Errorf("console metric exporter: %w", err)
		}
		opts = append(opts, sdkmetric.WithReader(sdkmetric.NewPeriodicReader(exp, every)))
	}
	if cfg.Metrics.OTLP {
		exp, err := otlpMetricExporter(ctx, cfg.Metrics.Protocol)
		if err != nil {
			return nil, fmt.Errorf("otlp metric exporter: %w", err)
		}
		opts = append(opts, sdkmetric.WithReader(sdkmetric.NewPeriodicReader(exp, every)))
	}
	return sdkmetric.NewMeterProvider(opts...), nil
}

func otlpMetricExporter(ctx context.Context, protocol string) (sdkmetric.Exporter, error) {
	if protocol == ProtocolGRPC {
		return otlpmetricgrpc.New(ctx)
	}
	return otlpmetrichttp.New(ctx)
}
