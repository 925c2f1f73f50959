package gen // want package:"reaches example.com/m/telemetry via example.com/m/stdlib/gen -> example.com/m/telemetry"

// gen is generated in part: its generated file's imports are
// checked all the same.
