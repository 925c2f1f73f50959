package hooks

import (
	"context"
	"runtime"
	"sync/atomic"
)

// The span lifecycle is the one a program's own functions open: hookweave
// weaves it into every function annotated //mellea:hook span, in any
// package of a module built with -toolexec=hookweave. It has no subject:
// what its payloads report is fixed at build time (SpanSite), and its
// outcome is the function's error result, if its last result is an
// error, or a panic. span_start may return a context (a tracing plugin
// puts its span there) that the rest of the function runs under, so that
// the spans of the calls below nest; span_start and span_end are
// observe-only and cannot block, so a plugin never changes what the
// function does.
//
// A woven function f, with the context parameter ctx and the error
// result err, begins with a guard that hands the call to traced, a copy
// of f (the same signature and body) that opens the span:
//
//	if hooks.SpanListening() {
//		return traced(ctx, args)
//	}
//
// The copy's body begins with the span's prologue:
//
//	var call *hooks.Call
//	ctx, call = hooks.BeginSpan(ctx, &site)
//	defer func() { call.End(recover(), err) }()
//
// (nil for err when the last result is not an error), where site is a
// package-level SpanSite. While no plugin listens, the function runs as
// it was written, after one atomic load and a branch, with nothing
// deferred.
var spanLifecycle = lifecycle{[]Hook{SpanStart}, SpanEnd, SpanEnd}

// spanHooks is the mask of the span lifecycle's hooks.
const spanHooks = 1<<SpanStart | 1<<SpanEnd

// SpanSite is one function annotated //mellea:hook span, as the woven code
// declares it: a package-level variable per function, which holds the
// function's source file once its first span resolved it.
type SpanSite struct {
	Name     string // the span's name (SpanPayload.Name)
	Function string // the fully qualified function name
	Line     int    // the line of the function's declaration
	file     atomic.Pointer[string]
}

// SpanListening reports whether a plugin listens to span_start or
// span_end: the condition of the woven guard that hands a call to the
// traced copy.
func SpanListening() bool { return mask.Load()&spanHooks != 0 }

// BeginSpan fires span_start for a call of the function of site and
// returns the context its plugins derived and the call, which End ends.
// It must be called by that function itself, the woven code: its caller's
// frame names the source file. With no plugin listening it returns ctx
// and a nil *Call.
func BeginSpan(ctx context.Context, site *SpanSite) (context.Context, *Call) {
	if !SpanListening() {
		return ctx, nil
	}
	file := site.file.Load()
	if file == nil {
		_, f, _, _ := runtime.Caller(1)
		site.file.CompareAndSwap(nil, &f)
		file = site.file.Load()
	}
	start := SpanPayload{Name: site.Name, Function: site.Function, File: *file, Line: site.Line}
	end := func(err error) Payload {
		return &SpanPayload{Name: start.Name, Function: start.Function, File: start.File, Line: start.Line, Err: err, ErrorKind: ErrorKind(err)}
	}
	// span_start cannot block: begin never returns an error.
	ctx, call, _ := begin(ctx, &spanLifecycle, nil, &start, end)
	return ctx, call
}
