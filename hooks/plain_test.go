package hooks

import (
	"bytes"
	"testing"
)

func TestPlainNotice(t *testing.T) {
	for _, tc := range []struct {
		name  string
		woven bool
		env   map[string]string
		want  string
	}{
		{"plain, traces on", false, map[string]string{"MELLEA_TRACES_ENABLED": "1"},
			"hooks: MELLEA_TRACES_ENABLED is set but this binary links no telemetry: build it with -toolexec=hookweave\n"},
		{"plain, metrics on", false, map[string]string{"MELLEA_METRICS_ENABLED": " True "},
			"hooks: MELLEA_METRICS_ENABLED is set but this binary links no telemetry: build it with -toolexec=hookweave\n"},
		{"plain, switches off", false, map[string]string{"MELLEA_TRACES_ENABLED": "0"}, ""},
		{"plain, nothing set", false, nil, ""},
		{"woven", true, map[string]string{"MELLEA_TRACES_ENABLED": "1"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			plainNotice(tc.woven, func(k string) string { return tc.env[k] }, &buf)
			if buf.String() != tc.want {
				t.Errorf("notice %q, want %q", buf.String(), tc.want)
			}
		})
	}
}
