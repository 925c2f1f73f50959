package viastdlib // want package:"reaches example.com/m/telemetry via example.com/m/stdlib/viastdlib -> example.com/m/stdlib/direct -> example.com/m/telemetry"

// viastdlib reaches telemetry through another stdlib package, which
// is reported too.

import renamed "example.com/m/stdlib/direct" // want `^stdlib/viastdlib must not import telemetry \(via stdlib/viastdlib -> stdlib/direct -> telemetry\)$`

func Via() { renamed.Direct() }
