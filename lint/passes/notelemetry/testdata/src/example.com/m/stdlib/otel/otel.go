package otel // want package:"reaches go.opentelemetry.io via example.com/m/stdlib/otel -> go.opentelemetry.io/otel"

import _ "go.opentelemetry.io/otel" // want `^stdlib/otel must not import go.opentelemetry.io \(via stdlib/otel -> go.opentelemetry.io/otel\)$`
