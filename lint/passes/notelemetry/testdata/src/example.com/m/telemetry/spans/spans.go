package spans // want package:"reaches example.com/m/telemetry via example.com/m/telemetry/spans; reaches go.opentelemetry.io via example.com/m/telemetry/spans -> go.opentelemetry.io/otel"

import "go.opentelemetry.io/otel"

func Span() { otel.Tracer() }
