package stdlib // want package:"reaches example.com/m/telemetry via example.com/m/stdlib -> example.com/m/telemetry"

// stdlib may not import telemetry under the default settings.

import "example.com/m/telemetry" // want `^stdlib must not import telemetry \(via stdlib -> telemetry\)$`

func S() { telemetry.Span() }
