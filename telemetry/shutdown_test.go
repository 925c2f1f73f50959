package telemetry

import (
	"context"
	"errors"
	"testing"
)

// TestShutdownErrorSaysWhatFailed: an exporter that cannot flush in time
// is reported with what was being flushed, not a bare context error.
func TestShutdownErrorSaysWhatFailed(t *testing.T) {
	step := shutdownStep("flushing spans", func(context.Context) error { return context.DeadlineExceeded })
	err := step(context.Background())
	if err == nil || err.Error() != "telemetry: flushing spans: context deadline exceeded" || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v", err)
	}
	if err := shutdownStep("flushing metrics", func(context.Context) error { return nil })(context.Background()); err != nil {
		t.Errorf("a clean flush returned %v", err)
	}
}
