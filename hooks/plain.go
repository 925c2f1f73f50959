package hooks

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
)

// The switches that ask for telemetry, as package telemetry reads them.
var telemetrySwitches = []string{"MELLEA_TRACES_ENABLED", "MELLEA_METRICS_ENABLED"}

var plainOnce sync.Once

// notWoven is called where a woven build would trace something. In a
// plain build it says once on standard error why nothing is traced when a
// telemetry switch is on (mellea likewise warns when its plugin layer is
// missing); in a woven build, or with the switches off, it says nothing.
// After the first call it costs one atomic load.
func notWoven() {
	plainOnce.Do(func() { plainNotice(Woven(), os.Getenv, os.Stderr) })
}

// plainNotice writes the notice on w when the build is not woven and a
// switch is on.
func plainNotice(woven bool, getenv func(string) string, w io.Writer) {
	if woven {
		return
	}
	for _, name := range telemetrySwitches {
		switch strings.ToLower(strings.TrimSpace(getenv(name))) {
		case "1", "true", "yes":
			fmt.Fprintf(w, "hooks: %s is set but this binary links no telemetry: build it with -toolexec=hookweave\n", name)
			return
		}
	}
}
