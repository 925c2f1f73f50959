// Package plugins registers the telemetry plugin set configured by the
// environment when it is initialised. hookweave links it into every woven
// binary (import path github.com/hookweave/hookweave/telemetry/plugins);
// nothing else needs to import it.
//
// Its init reads mellea's switches (MELLEA_TRACES_*, MELLEA_METRICS_*) and
// the standard OTEL_* variables, as package telemetry documents them. With
// every switch off it does nothing more: no provider is built and no
// plugin is registered. Otherwise it builds the providers, registers the
// plugins, makes the providers OpenTelemetry's global ones (so other
// instrumentation in the program nests under the same spans), and joins
// the hooks shutdown lifecycle, which flushes and shuts the providers down
// when a woven main returns or exits. Warnings and set-up errors go to
// standard error; telemetry never stops the program.
//
// Package plugins imports telemetry, hooks and OpenTelemetry; never stdlib.
package plugins

import (
	"context"
	"fmt"
	"io"
	"os"

	"go.opentelemetry.io/otel"

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
	if tp := set.TracerProvider(); tp != nil {
		otel.SetTracerProvider(tp)
	}
	if mp := set.MeterProvider(); mp != nil {
		otel.SetMeterProvider(mp)
	}
	hooks.OnShutdown(set.Shutdown)
	return set
}
