package telemetry // want package:"reaches example.com/m/telemetry via example.com/m/telemetry"

func Start() {}
