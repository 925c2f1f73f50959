package stdlibx // want package:"reaches example.com/m/telemetry via example.com/m/stdlibx -> example.com/m/telemetry"

// stdlibx looks like stdlib but is not under it: it may import
// telemetry.

import "example.com/m/telemetry"

func X() { telemetry.Start() }
