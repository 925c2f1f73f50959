package plugins

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"testing"

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
