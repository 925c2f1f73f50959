package twohop // want package:"reaches example.com/m/telemetry via example.com/m/stdlib/twohop -> example.com/m/internal/bridge -> example.com/m/telemetry/spans; reaches go.opentelemetry.io via .* -> go.opentelemetry.io/otel"

// twohop reaches telemetry through a package outside stdlib; of the
// two trees it reaches, the first pair of -forbid is reported.

import "example.com/m/internal/bridge" // want `^stdlib/twohop must not import telemetry \(via stdlib/twohop -> internal/bridge -> telemetry/spans\)$`

func TwoHop() { bridge.Cross() }
