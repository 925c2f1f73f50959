package hooks

import (
	"fmt"
	"os"
	"sync/atomic"
)

var reporter atomic.Pointer[func(error)]

// SetReporter sets the function that receives contained plugin failures
// (*PluginError): panics, overrun timeouts and broken mode rules. The
// default writes them to standard error. nil restores the default.
func SetReporter(fn func(error)) {
	if fn == nil {
		reporter.Store(nil)
		return
	}
	reporter.Store(&fn)
}

func report(err error) {
	if fn := reporter.Load(); fn != nil {
		(*fn)(err)
		return
	}
	fmt.Fprintf(os.Stderr, "hooks: %v\n", err)
}

// Report hands err to the reporter, as a contained plugin failure is.
// Package streaming uses it for a panicking WithEvents function.
func Report(err error) { report(err) }
