package stdlib_test // want package:"reaches example.com/m/telemetry via example.com/m/stdlib_test -> example.com/m/telemetry"

// stdlib_test is the external test package of the tree's root: its path,
// example.com/m/stdlib_test, is in the directory of stdlib.

import "example.com/m/telemetry" // want `^stdlib_test must not import telemetry \(via stdlib_test -> telemetry\)$`

var _ = telemetry.Start
