package lookalike // want package:"reaches example.com/m/internal/telemetry via example.com/m/stdlib/lookalike -> example.com/m/internal/telemetry; reaches example.com/other/telemetry via example.com/m/stdlib/lookalike -> example.com/other/telemetry"

// lookalike imports packages whose paths look like the forbidden
// tree but are not in it: none is reported.

import (
	"example.com/m/internal/telemetry"
	"example.com/m/telemetryx"
	other "example.com/other/telemetry"
)

func L() { telemetry.Count(); telemetryx.Extra(); other.Record() }
