package hooks

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the package when a test leaves a goroutine behind: hooks
// starts goroutines to contain slow plugins and to flush at shutdown. goleak
// is a test-only import: no importer of hooks compiles it.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }
