package openai

import (
	"context"
	"time"
)

// watchdog cancels a stream's context with a *DeltaTimeoutError when it
// stays armed for longer than its timeout. A zero timeout never fires.
type watchdog struct {
	timeout time.Duration
	timer   *time.Timer
}

func newWatchdog(timeout time.Duration, cancel context.CancelCauseFunc) *watchdog {
	w := &watchdog{timeout: timeout}
	if timeout > 0 {
		w.timer = time.AfterFunc(timeout, func() { cancel(&DeltaTimeoutError{Timeout: timeout}) })
		w.timer.Stop()
	}
	return w
}

// arm starts the countdown afresh.
func (w *watchdog) arm() {
	if w.timer != nil {
		w.timer.Reset(w.timeout)
	}
}

// disarm stops the countdown.
func (w *watchdog) disarm() {
	if w.timer != nil {
		w.timer.Stop()
	}
}
