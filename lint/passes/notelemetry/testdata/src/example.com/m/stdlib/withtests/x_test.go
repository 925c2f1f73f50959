package withtests_test // want package:"reaches example.com/m/telemetry via example.com/m/stdlib/withtests_test -> example.com/m/internal/bridge -> example.com/m/telemetry/spans; reaches go.opentelemetry.io via .*"

import (
	"testing"

	"example.com/m/internal/bridge" // want `^stdlib/withtests_test must not import telemetry \(via stdlib/withtests_test -> internal/bridge -> telemetry/spans\)$`
)

func TestX(t *testing.T) { bridge.Cross() }
