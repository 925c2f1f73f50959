package bridge // want package:"reaches example.com/m/telemetry via example.com/m/internal/bridge -> example.com/m/telemetry/spans; reaches go.opentelemetry.io via example.com/m/internal/bridge -> example.com/m/telemetry/spans -> go.opentelemetry.io/otel"

// bridge is outside stdlib: it may import telemetry, and it is the
// middle of a two-hop chain.

import "example.com/m/telemetry/spans"

func Cross() { spans.Span() }
