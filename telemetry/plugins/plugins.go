// Package plugins registers the telemetry plugin set configured by the
// environment when it is initialised. hookweave links it into every woven
// binary (import path github.com/hookweave/hookweave/telemetry/plugins);
// nothing else needs to import it.
//
// Its init reads mellea's switches (MELLEA_TRACES_*, MELLEA_METRICS_*) and
// the standard OTEL_* variables, as package telemetry documents them. With
// every switch off it does nothing more: no provider is built and no
// plugin is registered. Otherwise it registers the plugins and joins the
// hooks shutdown lifecycle. For each signal (traces, metrics) whose ENABLED
// switch is on, the plugins record:
//
//   - with an exporter switch of that signal on (MELLEA_TRACES_CONSOLE or
//     _OTLP; MELLEA_METRICS_CONSOLE, _OTLP or _PROMETHEUS), to a provider
//     the plugin set builds with those exporters and makes OpenTelemetry's
//     global one, so that other instrumentation in the program nests under
//     the same spans; the shutdown lifecycle flushes and shuts it down when
//     a woven main returns or exits;
//   - with none, to the program's own provider: OpenTelemetry's global one,
//     the first the program installs (otel.SetTracerProvider,
//     otel.SetMeterProvider), before or after this init. The library's
//     spans then nest under the program's, and leave through its exporters
//     with its resource; the plugin set never shuts that provider down (the
//     program's own shutdown flushes it). Until the program installs one,
//     what the plugins record goes nowhere, as with any instrumentation.
//
// Warnings and set-up errors go to standard error; telemetry never stops
// the program.
//
// With any ENABLED switch on it also installs OpenTelemetry's global
// propagator, the one OTEL_PROPAGATORS names (W3C trace context and
// baggage when it is unset; none for none), unless the program has already
// installed one: a woven service continues its caller's trace, and its
// outgoing calls carry it. A propagator the program installs later, in
// main, replaces it.
//
// Package plugins imports telemetry, hooks and OpenTelemetry; never stdlib.
package plugins

import (
	"context"
	"fmt"
	"io"
	"os"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/telemetry"
)

func init() {
	cfg, warns := telemetry.FromEnv()
	if !cfg.Any() && len(warns) == 0 {
		return
	}
	install(cfg, warns, os.Stderr)
}

// install registers the plugin set of cfg and joins the shutdown
// lifecycle; it reports warnings and errors on w. It returns the set, or
// nil when there is none.
func install(cfg telemetry.Config, warns []error, w io.Writer) *telemetry.Set {
	var prop propagation.TextMapPropagator
	if cfg.Any() {
		var err error
		if prop, err = telemetry.Propagator(os.Getenv); err != nil {
			warns = append(warns, err)
		}
	}
	for _, err := range warns {
		fmt.Fprintf(w, "telemetry: warning: %v\n", err)
	}
	if !cfg.Any() {
		return nil
	}
	set, err := telemetry.New(cfg, telemetry.WithConsoleWriter(w))
	if err != nil {
		fmt.Fprintf(w, "telemetry: %v\n", err)
		return nil
	}
	if err := set.Register(); err != nil {
		fmt.Fprintf(w, "telemetry: %v\n", err)
		set.Shutdown(context.Background())
		return nil
	}
	if cfg.Traces.Enabled && cfg.Traces.Exports() {
		otel.SetTracerProvider(set.TracerProvider())
	}
	if cfg.Metrics.Enabled && cfg.Metrics.Exports() {
		otel.SetMeterProvider(set.MeterProvider())
	}
	setPropagator(prop)
	hooks.OnShutdown(set.Shutdown)
	return set
}

// setPropagator makes p the global propagator unless the program has
// installed one already. OpenTelemetry's default propagates nothing (it has
// no field); a propagator of no field that the program installed is taken
// for that default (OTEL_PROPAGATORS=none is the way to propagate nothing).
func setPropagator(p propagation.TextMapPropagator) {
	if len(otel.GetTextMapPropagator().Fields()) == 0 {
		otel.SetTextMapPropagator(p)
	}
}
