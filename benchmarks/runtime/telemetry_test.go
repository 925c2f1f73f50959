package runtime

import (
	"context"
	"testing"

	"github.com/hookweave/hookweave/stdlib/backend"
	"github.com/hookweave/hookweave/stdlib/backend/scripted"
	"github.com/hookweave/hookweave/stdlib/chunking"
	"github.com/hookweave/hookweave/stdlib/requirement"
	"github.com/hookweave/hookweave/stdlib/streaming"
)

// telemetryRequest is the request of the telemetry case: its words are
// the scripted backend's input tokens.
var telemetryRequest = backend.Request{Messages: []backend.Message{{Role: "user", Content: "Tell me many short sentences."}}}

// wovenStream runs one woven stream of the per-chunk case and returns the
// number of chunks delivered.
func wovenStream(tb testing.TB, be *scripted.Backend) int {
	s := streaming.New(context.Background(), be, telemetryRequest,
		streaming.WithChunker(chunking.Sentence{}), streaming.WithRequirements(perChunkRequirement()))
	return drain(tb, s)
}

// stream runs one stream of the per-chunk case through the inline
// reference.
func (in *inline) stream(tb testing.TB, be *scripted.Backend) int {
	chunks, err := in.run(context.Background(), be, telemetryRequest, chunking.Sentence{}, []requirement.Requirement{perChunkRequirement()})
	if err != nil {
		tb.Fatal(err)
	}
	return chunks
}

// telemetrySentences is the length of the telemetry case's replies: two
// span events per chunk stay below the SDK's default limit of 128 events
// per span, beyond which every further event costs both sides a copy of
// the 127 it keeps, and the comparison would mostly measure that.
const telemetrySentences = 60

// BenchmarkTelemetry measures the per-chunk case, in replies of
// telemetrySentences sentences, with tracing and metrics on: woven (the
// telemetry plugins on the hooks) against the inline reference (the same
// stream with its telemetry in line and no plugin registered), both
// recording to SDK set-ups alike. The plugins are registered for the
// woven side's streams only, outside the time measured. A third side, off,
// is the same stream with no plugin registered and no telemetry in line:
// what each side's telemetry adds is its time less off's, and the
// increment metric is the woven side's addition over the inline one's
// (at most 1 when reaching telemetry through hooks costs no more than
// calling OpenTelemetry in line). It needs the woven build.
func BenchmarkTelemetry(b *testing.B) {
	text := sentences(telemetrySentences)
	set := newSDK(b, discard{}).weave(b)
	set.Unregister()
	in, err := newInline(newSDK(b, discard{}))
	if err != nil {
		b.Fatal(err)
	}
	be := scripted.New(text, scripted.WithDelta(perChunkDelta))
	woven := side{name: "woven", run: func() int { return wovenStream(b, be) }, setup: func() {
		if err := set.Register(); err != nil {
			b.Fatal(err)
		}
	}, teardown: set.Unregister}
	off := side{name: "off", run: func() int { return wovenStream(b, be) }}
	ns := paired(b, "chunk", woven, side{name: "inline", run: func() int { return in.stream(b, be) }}, off)
	b.ReportMetric((ns[0]-ns[2])/(ns[1]-ns[2]), "increment")
}
