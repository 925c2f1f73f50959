package withtests // want package:"reaches example.com/m/telemetry via example.com/m/stdlib/withtests -> example.com/m/telemetry"

// withtests is checked with its tests: the in-package test and the
// external _test package.

import "example.com/m/telemetry" // want `^stdlib/withtests must not import telemetry \(via stdlib/withtests -> telemetry\)$`

func W() { telemetry.Start() }
