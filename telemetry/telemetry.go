package telemetry

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/trace"

	"github.com/hookweave/hookweave/hooks"
)

// Set is a configured plugin set: the tracing plugin when traces are
// enabled, the metrics plugin when metrics are enabled, and the providers
// they record to.
type Set struct {
	tracing  *tracing // nil when traces are off
	metrics  *metrics // nil when metrics are off
	tp       trace.TracerProvider
	mp       metric.MeterProvider
	shutdown []func(context.Context) error // of the providers the set built
	prom     *promServer                   // the Prometheus endpoint, if any

	mu         sync.Mutex
	unregister []func()
}

// Option configures New.
type Option func(*options)

type options struct {
	tp trace.TracerProvider
	mp metric.MeterProvider
	w  io.Writer
}

// WithTracerProvider makes the tracing plugin record to tp instead of a
// provider built from the configuration. The caller owns tp: Shutdown
// leaves it alone.
func WithTracerProvider(tp trace.TracerProvider) Option {
	return func(o *options) { o.tp = tp }
}

// WithMeterProvider makes the metrics plugin record to mp instead of a
// provider built from the configuration. The caller owns mp.
func WithMeterProvider(mp metric.MeterProvider) Option {
	return func(o *options) { o.mp = mp }
}

// WithConsoleWriter sends console output to w instead of standard error.
func WithConsoleWriter(w io.Writer) Option {
	return func(o *options) { o.w = w }
}

// New returns the plugin set of cfg. The tracing plugin (when
// cfg.Traces.Enabled) records to the provider WithTracerProvider gives;
// else, when an exporter of spans is on (cfg.Traces.Exports), to a provider
// New builds with those exporters; else to the program's own,
// OpenTelemetry's global tracer provider: the first one the program
// installs with otel.SetTracerProvider, before or after New, as with any
// instrumentation that records to the global provider. The metrics plugin
// chooses its meter provider the same way. With both switches off New
// builds nothing.
func New(cfg Config, opts ...Option) (*Set, error) {
	o := options{w: os.Stderr}
	for _, opt := range opts {
		opt(&o)
	}
	s := &Set{}
	if cfg.Traces.Enabled {
		if err := s.setTracing(cfg, o); err != nil {
			return nil, err
		}
	}
	if cfg.Metrics.Enabled {
		if err := s.setMetrics(cfg, o); err != nil {
			s.Shutdown(context.Background())
			return nil, err
		}
	}
	return s, nil
}

func (s *Set) setTracing(cfg Config, o options) error {
	s.tp = o.tp
	switch {
	case s.tp != nil:
	case !cfg.Traces.Exports():
		s.tp = otel.GetTracerProvider()
	default:
		tp, err := newTracerProvider(context.Background(), cfg, o.w)
		if err != nil {
			return err
		}
		s.tp = tp
		s.shutdown = append(s.shutdown, shutdownStep("flushing spans", tp.Shutdown))
	}
	n, _ := namesOf(cfg.Names)
	s.tracing = newTracing(s.tp, n, cfg.Traces)
	return nil
}

func (s *Set) setMetrics(cfg Config, o options) error {
	s.mp = o.mp
	switch {
	case s.mp != nil:
	case !cfg.Metrics.Exports():
		s.mp = otel.GetMeterProvider()
	default:
		mp, prom, err := newMeterProvider(context.Background(), cfg, o.w)
		if err != nil {
			return err
		}
		s.mp = mp
		s.shutdown = append(s.shutdown, shutdownStep("flushing metrics", mp.Shutdown))
		if prom != nil {
			s.prom = prom
			s.shutdown = append(s.shutdown, shutdownStep("stopping the prometheus endpoint", prom.Shutdown))
		}
	}
	n, _ := namesOf(cfg.Names)
	m, err := newMetrics(s.mp, n, cfg.Metrics)
	if err != nil {
		return err
	}
	s.metrics = m
	return nil
}

// TracerProvider returns the provider of the tracing plugin, or nil when
// traces are off.
func (s *Set) TracerProvider() trace.TracerProvider { return s.tp }

// MeterProvider returns the provider of the metrics plugin, or nil when
// metrics are off.
func (s *Set) MeterProvider() metric.MeterProvider { return s.mp }

// PrometheusURL returns the URL of the Prometheus endpoint, or "" when
// there is none.
func (s *Set) PrometheusURL() string {
	if s.prom == nil {
		return ""
	}
	return s.prom.URL()
}

// Empty reports whether the set has no plugin.
func (s *Set) Empty() bool { return s.tracing == nil && s.metrics == nil }

// Register adds the set's plugins to the global hooks registry.
func (s *Set) Register() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.tracing != nil {
		if err := s.register(TracingPluginName, s.tracing.handlers(), hooks.WithPriority(tracingPriority)); err != nil {
			return err
		}
	}
	if s.metrics != nil {
		if err := s.register(MetricsPluginName, s.metrics.handlers()); err != nil {
			return err
		}
	}
	return nil
}

// register adds one plugin in audit mode, unbounded: its handlers only
// record and never block, so they run on the caller's goroutine without the
// goroutine and timer a time bound costs per call. They borrow their
// payloads: nothing keeps one past the call (a span keeps copies of the
// values it records), which spares an allocation per streaming event.
// s.mu is held.
func (s *Set) register(name string, hs map[hooks.Hook]hooks.Handler, opts ...hooks.Option) error {
	un, err := hooks.Register(name, hs, append(opts, hooks.WithMode(hooks.Audit), hooks.WithTimeout(0), hooks.WithBorrowedPayloads())...)
	if err != nil {
		return err
	}
	s.unregister = append(s.unregister, un)
	return nil
}

// Unregister removes the set's plugins from the registry again.
func (s *Set) Unregister() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, un := range s.unregister {
		un()
	}
	s.unregister = nil
}

// shutdownStep wraps a provider's Shutdown so that its error says what
// failed: "telemetry: flushing spans: context deadline exceeded".
func shutdownStep(what string, fn func(context.Context) error) func(context.Context) error {
	return func(ctx context.Context) error {
		if err := fn(ctx); err != nil {
			return fmt.Errorf("telemetry: %s: %w", what, err)
		}
		return nil
	}
}

// Shutdown unregisters the plugins, then flushes and shuts down the
// providers the set built (not those given by options, nor the program's
// global ones: the program's own shutdown flushes those). It is what
// telemetry/plugins joins to the hooks shutdown lifecycle.
func (s *Set) Shutdown(ctx context.Context) error {
	s.Unregister()
	var errs []error
	for _, fn := range s.shutdown {
		errs = append(errs, fn(ctx))
	}
	s.shutdown = nil
	return errors.Join(errs...)
}
