package withtests

import (
	"testing"

	"example.com/m/stdlib/direct" // want `^stdlib/withtests must not import telemetry \(via stdlib/withtests -> stdlib/direct -> telemetry\)$`
)

func TestW(t *testing.T) { direct.Direct() }
