package direct // want package:"reaches example.com/m/telemetry via example.com/m/stdlib/direct -> example.com/m/telemetry"

import (
	"fmt"

	"example.com/m/telemetry" // want `^stdlib/direct must not import telemetry \(via stdlib/direct -> telemetry\)$`
)

func Direct() { fmt.Println(); telemetry.Start() }
