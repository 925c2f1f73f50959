package hooks

import (
	"context"
	"errors"
	"os"
	"slices"
	"sync"
	"time"
)

// background tracks plugin calls that run off the caller's goroutine:
// fire-and-forget plugins and calls past their timeout.
var background sync.WaitGroup

var (
	shutdownMu  sync.Mutex
	shutdownFns []func(context.Context) error
)

// OnShutdown adds fn to the shutdown lifecycle: Shutdown calls it once, after
// the background plugin calls have finished. Telemetry plugins join it to
// flush their exporters before the program exits.
func OnShutdown(fn func(context.Context) error) {
	shutdownMu.Lock()
	defer shutdownMu.Unlock()
	shutdownFns = append(shutdownFns, fn)
}

// Shutdown waits for background plugin calls (until ctx is done), then calls
// the functions added with OnShutdown, last added first, each once. Woven
// programs call it (through ShutdownMain) when main returns or a panic
// unwinds it, and before os.Exit.
func Shutdown(ctx context.Context) error {
	done := make(chan struct{})
	go func() {
		background.Wait()
		close(done)
	}()
	var errs []error
	select {
	case <-done:
	case <-ctx.Done():
		errs = append(errs, errors.New("hooks: shutdown: background plugin calls still running"))
	}
	shutdownMu.Lock()
	fns := shutdownFns
	shutdownFns = nil
	shutdownMu.Unlock()
	for _, fn := range slices.Backward(fns) {
		if err := fn(ctx); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// ShutdownTimeout bounds the Shutdown that Exit and woven mains run.
const ShutdownTimeout = 5 * time.Second

// ShutdownMain runs Shutdown, bounded by ShutdownTimeout, and hands a
// failure to the reporter (see SetReporter). Woven mains defer it, so a
// short program's telemetry is flushed when main returns, and set it as
// the exit hook that woven builds add to package os, so that os.Exit from
// any package (log.Fatal included) flushes too.
func ShutdownMain() {
	ctx, cancel := context.WithTimeout(context.Background(), ShutdownTimeout)
	defer cancel()
	if err := Shutdown(ctx); err != nil {
		report(err)
	}
}

// Exit runs ShutdownMain, then os.Exit(code). A woven binary does not need
// it (its os.Exit runs the shutdown); it flushes where os has no exit hook,
// as in a program that registers plugins itself.
func Exit(code int) {
	ShutdownMain()
	os.Exit(code)
}
