package runtime

import (
	"context"
	"testing"

	"github.com/hookweave/hookweave/hooks"
)

// spanCalls is how many calls one side of BenchmarkSpanNoPlugin makes per
// operation, so that the clock read per operation costs next to nothing.
const spanCalls = 1000

// spanned is a function of a program annotated //mellea:hook span; plain
// is the same function without the annotation. Neither is inlined, so
// that the pair differs by the woven guard alone.
//
//go:noinline
//mellea:hook span
func spanned(ctx context.Context, n int) (int, error) { return 3*n + 1, ctx.Err() }

//go:noinline
func plain(ctx context.Context, n int) (int, error) { return 3*n + 1, ctx.Err() }

// inlinable is plain as the compiler may inline it: annotated, it would
// not be (the woven guard's call of the traced copy takes most of the
// inliner's budget, and leaves too little for this body).
func inlinable(ctx context.Context, n int) (int, error) { return 3*n + 1, ctx.Err() }

var spanSink int

// BenchmarkSpanNoPlugin is the cost of //mellea:hook span while no plugin
// listens: a woven function (spanned) against the same function unwoven,
// alternately, in ns per call; the promise is one atomic load and a branch
// more. inlined compares it with an unwoven function that may be inlined.
// make bench-runtime does not run it; run it woven:
//
//	go test -toolexec=$PWD/bin/hookweave -run '^$' -bench SpanNoPlugin -count 10 ./benchmarks/runtime
func BenchmarkSpanNoPlugin(b *testing.B) {
	if !hooks.Woven() {
		b.Skip("needs the woven build: go test -toolexec=hookweave")
	}
	if hooks.SpanListening() {
		b.Fatal("a plugin listens to the span hooks")
	}
	ctx := context.Background()
	calls := func(f func(context.Context, int) (int, error)) func() int {
		return func() int {
			s := 0
			for i := range spanCalls {
				n, _ := f(ctx, i)
				s += n
			}
			spanSink += s
			return spanCalls
		}
	}
	b.Run("noinline", func(b *testing.B) {
		paired(b, "call", side{name: "spanned", run: calls(spanned)}, side{name: "plain", run: calls(plain)})
	})
	b.Run("inlined", func(b *testing.B) {
		// inlinable is called directly: through a function value, as
		// calls does, it would not be inlined.
		paired(b, "call", side{name: "spanned", run: calls(spanned)}, side{name: "plain", run: func() int {
			s := 0
			for i := range spanCalls {
				n, _ := inlinable(ctx, i)
				s += n
			}
			spanSink += s
			return spanCalls
		}})
	})
}

// TestSpanIsWoven makes sure that BenchmarkSpanNoPlugin measures a woven
// function: in the woven build, spanned opens a span and plain does not.
func TestSpanIsWoven(t *testing.T) {
	var names []string
	un, err := hooks.Register("count", map[hooks.Hook]hooks.Handler{hooks.SpanStart: func(_ context.Context, p hooks.Payload) hooks.Result {
		names = append(names, p.(*hooks.SpanPayload).Function)
		return hooks.Result{}
	}}, hooks.WithMode(hooks.Audit))
	if err != nil {
		t.Fatal(err)
	}
	defer un()
	spanned(context.Background(), 1)
	plain(context.Background(), 1)
	want := 0
	if hooks.Woven() {
		want = 1
	}
	if len(names) != want || (want == 1 && names[0] != "github.com/hookweave/hookweave/benchmarks/runtime.spanned") {
		t.Fatalf("spans %v in a build woven=%v", names, hooks.Woven())
	}
}
