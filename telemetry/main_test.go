package telemetry_test

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the package when a test leaves a goroutine behind, such as
// an exporter's or a periodic reader's.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }
