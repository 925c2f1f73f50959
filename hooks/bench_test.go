package hooks

import (
	"context"
	"testing"
)

//go:noinline
func emptyCall(ctx context.Context, id string, ev Event, active []string) {}

// BenchmarkEmptyFunc is the baseline: a call that does nothing, with the
// same arguments as EmitEvent.
func BenchmarkEmptyFunc(b *testing.B) {
	ctx, ev := context.Background(), Event(ChunkEvent{Text: "Hello.", Attempt: 1})
	b.ReportAllocs()
	for b.Loop() {
		emptyCall(ctx, "id", ev, nil)
	}
}

// BenchmarkEmitEventNoPlugin is dispatch of a streaming event that no plugin
// listens to.
func BenchmarkEmitEventNoPlugin(b *testing.B) {
	ctx, ev := context.Background(), Event(ChunkEvent{Text: "Hello.", Attempt: 1})
	b.ReportAllocs()
	for b.Loop() {
		EmitEvent(ctx, "id", ev, nil)
	}
}

// BenchmarkFireNoPlugin is the general Fire with a payload built beforehand.
func BenchmarkFireNoPlugin(b *testing.B) {
	ctx, p := context.Background(), &SessionPayload{}
	b.ReportAllocs()
	for b.Loop() {
		Fire(ctx, SessionReset, p)
	}
}

// BenchmarkBeginEndNoPlugin is a woven lifecycle nobody listens to.
func BenchmarkBeginEndNoPlugin(b *testing.B) {
	ctx, s := context.Background(), &streamSubject{}
	b.ReportAllocs()
	for b.Loop() {
		_, call, _ := BeginStreaming(ctx, s)
		call.End(nil, nil)
	}
}

// BenchmarkEmitEventOnePlugin is the cost with one observing plugin under
// the default time bound (DefaultTimeout).
func BenchmarkEmitEventOnePlugin(b *testing.B) {
	un, _ := Register("bench", map[Hook]Handler{StreamingEvent: func(context.Context, Payload) Result { return Result{} }}, WithMode(Audit))
	defer un()
	ctx, ev := context.Background(), Event(ChunkEvent{Text: "Hello.", Attempt: 1})
	b.ReportAllocs()
	for b.Loop() {
		EmitEvent(ctx, "id", ev, nil)
	}
}

// BenchmarkEmitEventOnePluginUnbounded is the same plugin with no time
// bound (WithTimeout(0)), as the telemetry plugins register: against
// BenchmarkEmitEventOnePlugin it shows what the default bound costs per call.
func BenchmarkEmitEventOnePluginUnbounded(b *testing.B) {
	un, _ := Register("bench", map[Hook]Handler{StreamingEvent: func(context.Context, Payload) Result { return Result{} }}, WithMode(Audit), WithTimeout(0))
	defer un()
	ctx, ev := context.Background(), Event(ChunkEvent{Text: "Hello.", Attempt: 1})
	b.ReportAllocs()
	for b.Loop() {
		EmitEvent(ctx, "id", ev, nil)
	}
}

// BenchmarkEmitEventTwoBorrowers is the telemetry plugins' case: two
// unbounded audit plugins that borrow the payload, so that it is lent from
// the pool. Against BenchmarkEmitEventOnePluginUnbounded it shows what a
// payload made per event costs.
func BenchmarkEmitEventTwoBorrowers(b *testing.B) {
	h := func(context.Context, Payload) Result { return Result{} }
	for _, name := range []string{"tracing", "metrics"} {
		un, _ := Register(name, map[Hook]Handler{StreamingEvent: h}, WithMode(Audit), WithTimeout(0), WithBorrowedPayloads())
		defer un()
	}
	ctx, ev := context.Background(), Event(ChunkEvent{Text: "Hello.", Attempt: 1})
	b.ReportAllocs()
	for b.Loop() {
		EmitEvent(ctx, "id", ev, nil)
	}
}
