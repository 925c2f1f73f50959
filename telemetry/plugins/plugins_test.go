package plugins

import (
	"bytes"
	"context"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"go.opentelemetry.io/contrib/propagators/b3"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
	"go.uber.org/goleak"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/telemetry"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestInit_RegistersNothingWithEverySwitchOff(t *testing.T) {
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "MELLEA_TRACES_ENABLED=") || strings.HasPrefix(kv, "MELLEA_METRICS_ENABLED=") {
			t.Skipf("the test environment sets %s", kv)
		}
	}
	for _, h := range hooks.Hooks() {
		if hooks.Listening(h) {
			t.Errorf("init registered a plugin for %s with telemetry off", h)
		}
	}
}

func TestInstall_WarnsAndDoesNothingWhenOff(t *testing.T) {
	var out bytes.Buffer
	if set := install(telemetry.Config{}, []error{errors.New("something odd")}, &out); set != nil {
		t.Fatal("install built a set with telemetry off")
	}
	if got := out.String(); got != "telemetry: warning: something odd\n" {
		t.Errorf("stderr %q", got)
	}
	if hooks.Listening(hooks.StreamingStart) {
		t.Error("a plugin was registered")
	}
}

func TestInstall_RegistersAndJoinsTheShutdownLifecycle(t *testing.T) {
	t.Setenv(telemetry.EnvTracesEnabled, "1")
	t.Setenv(telemetry.EnvTracesConsole, "1")
	t.Setenv(telemetry.EnvMetricsEnabled, "1")
	t.Setenv(telemetry.EnvMetricsConsole, "1")
	cfg, warns := telemetry.FromEnv()
	var out bytes.Buffer
	if set := install(cfg, warns, &out); set == nil {
		t.Fatalf("no set installed: %s", out.String())
	}
	if !hooks.Listening(hooks.StreamingStart) || !hooks.Listening(hooks.GenerationPostCall) {
		t.Fatal("the tracing and metrics plugins are not registered")
	}
	// What a woven main does when it returns.
	if err := hooks.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	if hooks.Listening(hooks.StreamingStart) {
		t.Error("the plugins outlive the shutdown lifecycle")
	}
	if !strings.Contains(out.String(), `"ScopeMetrics"`) {
		t.Errorf("the shutdown did not flush the console metrics:\n%s", out.String())
	}
}

// An unknown MELLEA_TELEMETRY_NAMES is said once, with the valid values,
// and the default profile is used.
func TestInstall_UnknownNamesWarnOnce(t *testing.T) {
	t.Setenv(telemetry.EnvTelemetryNames, "v9")
	cfg, warns := telemetry.FromEnv()
	var out bytes.Buffer
	install(cfg, warns, &out)
	want := "telemetry: warning: MELLEA_TELEMETRY_NAMES=\"v9\" is not one of v0.7, main; using v0.7\n"
	if out.String() != want {
		t.Errorf("stderr %q, want %q", out.String(), want)
	}
	if cfg.Names != telemetry.ProfileV07 {
		t.Errorf("profile %q, want the default", cfg.Names)
	}
}

// unsetPropagator gives the test OpenTelemetry's default propagator, which
// propagates nothing, and restores the global one after it.
func unsetPropagator(t *testing.T) {
	was := otel.GetTextMapPropagator()
	otel.SetTextMapPropagator(propagation.NewCompositeTextMapPropagator())
	t.Cleanup(func() { otel.SetTextMapPropagator(was) })
}

// installTraces installs the set of MELLEA_TRACES_ENABLED with the console
// exporter and returns what it printed; the set is shut down after the test.
func installTraces(t *testing.T) string {
	t.Setenv(telemetry.EnvTracesEnabled, "1")
	t.Setenv(telemetry.EnvTracesConsole, "1")
	cfg, warns := telemetry.FromEnv()
	var out bytes.Buffer
	set := install(cfg, warns, &out)
	if set == nil {
		t.Fatalf("no set installed: %s", out.String())
	}
	t.Cleanup(func() {
		if err := set.Shutdown(context.Background()); err != nil {
			t.Error(err)
		}
	})
	return out.String()
}

func TestInstall_PropagatesTraceContextAndBaggageByDefault(t *testing.T) {
	unsetPropagator(t)
	installTraces(t)
	fields := otel.GetTextMapPropagator().Fields()
	for _, f := range []string{"traceparent", "tracestate", "baggage"} {
		if !slices.Contains(fields, f) {
			t.Errorf("global propagator fields %v lack %s", fields, f)
		}
	}
}

func TestInstall_PropagatorFromOTELPropagators(t *testing.T) {
	for _, tc := range []struct {
		env  string
		want []string
	}{
		{"none", nil},
		{"b3", []string{"b3"}},
		{"b3multi", []string{"x-b3-traceid", "x-b3-spanid", "x-b3-sampled", "x-b3-flags"}},
	} {
		t.Run(tc.env, func(t *testing.T) {
			unsetPropagator(t)
			t.Setenv(telemetry.EnvPropagators, tc.env)
			if out := installTraces(t); out != "" {
				t.Errorf("stderr %q", out)
			}
			got := otel.GetTextMapPropagator().Fields()
			slices.Sort(got)
			want := slices.Sorted(slices.Values(tc.want))
			if !slices.Equal(got, want) {
				t.Errorf("global propagator fields %v, want %v", got, want)
			}
		})
	}
}

// An unknown name is said once, and the default propagator is installed.
func TestInstall_UnknownPropagatorWarnsOnce(t *testing.T) {
	unsetPropagator(t)
	t.Setenv(telemetry.EnvPropagators, "carrier-pigeon")
	out := installTraces(t)
	if n := strings.Count(out, "OTEL_PROPAGATORS"); n != 1 || !strings.HasPrefix(out, "telemetry: warning: OTEL_PROPAGATORS=\"carrier-pigeon\"") {
		t.Errorf("stderr says OTEL_PROPAGATORS %d times, want once as a warning:\n%s", n, out)
	}
	if !slices.Contains(otel.GetTextMapPropagator().Fields(), "traceparent") {
		t.Errorf("global propagator fields %v, want the default's", otel.GetTextMapPropagator().Fields())
	}
}

// A propagator the program installed before the plugin set stays.
func TestInstall_LeavesTheProgramsPropagator(t *testing.T) {
	unsetPropagator(t)
	mine := b3.New()
	otel.SetTextMapPropagator(mine)
	installTraces(t)
	if got := otel.GetTextMapPropagator(); got != mine {
		t.Errorf("global propagator %T %v, want the program's b3", got, got.Fields())
	}
}

// With telemetry off, the global propagator is left alone.
func TestInstall_NoPropagatorWhenOff(t *testing.T) {
	unsetPropagator(t)
	install(telemetry.Config{}, nil, &bytes.Buffer{})
	if f := otel.GetTextMapPropagator().Fields(); len(f) != 0 {
		t.Errorf("global propagator fields %v with telemetry off", f)
	}
}
