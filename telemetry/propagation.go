package telemetry

import (
	"fmt"
	"strings"

	"go.opentelemetry.io/contrib/propagators/autoprop"
	"go.opentelemetry.io/otel/propagation"
)

// EnvPropagators names the propagators of the global propagator that the
// plugin set installs, comma-separated, as the OpenTelemetry specification
// defines them: tracecontext, baggage, b3, b3multi, jaeger, xray, ottrace,
// or none.
const EnvPropagators = "OTEL_PROPAGATORS"

// DefaultPropagators is the propagator of an unset OTEL_PROPAGATORS: W3C
// trace context and baggage, as in the other languages' SDKs.
const DefaultPropagators = "tracecontext,baggage"

// Propagator returns the propagator that OTEL_PROPAGATORS, read through
// getenv, names: DefaultPropagators when it is unset, one that propagates
// nothing when it says none (alone or among others). Names it does not know
// are left out, and the error, a warning, says which; when no name is left,
// the default is used.
func Propagator(getenv func(string) string) (propagation.TextMapPropagator, error) {
	v := getenv(EnvPropagators)
	var names []string
	for n := range strings.SplitSeq(v, ",") {
		if n = strings.ToLower(strings.TrimSpace(n)); n != "" {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		names = strings.Split(DefaultPropagators, ",")
	}
	p, err := autoprop.TextMapPropagator(names...)
	switch {
	case err == nil:
		return p, nil
	case p == nil:
		p, _ = autoprop.TextMapPropagator(strings.Split(DefaultPropagators, ",")...)
		return p, fmt.Errorf("%s=%q: %v; using %s", EnvPropagators, v, err, DefaultPropagators)
	}
	return p, fmt.Errorf("%s=%q: %v, left out", EnvPropagators, v, err)
}
