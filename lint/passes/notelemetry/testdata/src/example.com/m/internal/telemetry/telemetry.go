package telemetry // want package:"reaches example.com/m/internal/telemetry via example.com/m/internal/telemetry"

// telemetry has a telemetry element, but it is not the module's
// telemetry tree.

func Count() {}
