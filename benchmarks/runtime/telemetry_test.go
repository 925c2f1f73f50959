package runtimebench

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

// inlineStream runs one stream of the per-chunk case through the inline
// reference.
func (in *inline) stream(tb testing.TB, be *scripted.Backend) int {
	chunks, err := in.run(context.Background(), be, telemetryRequest, chunking.Sentence{}, []requirement.Requirement{perChunkRequirement()})
	if err != nil {
		tb.Fatal(err)
	}
	return len(chunks)
}

// telemetrySentences is the length of the telemetry case's replies: two
// span events per chunk stay below the SDK's default limit of 128 events
// per span, beyond which every further event costs both sides a copy of
// the 127 it keeps, and the comparison would mostly measure that.
const telemetrySentences = 60

// BenchmarkTelemetry measures the per-chunk case, in replies of
// telemetrySentences sentences, with tracing and metrics on: woven (the
// telemetry plugins on the hooks) against the inline reference, both
// recording to the same SDK set-up. It needs the woven build.
func BenchmarkTelemetry(b *testing.B) {
	text := sentences(telemetrySentences)
	woven := newSDK(b, discard{})
	woven.weave(b)
	plain := newSDK(b, discard{})
	in, err := newInline(plain)
	if err != nil {
		b.Fatal(err)
	}
	be := scripted.New(text, scripted.WithDelta(perChunkDelta))
	paired(b, "chunk",
		side{"woven", func() int { return wovenStream(b, be) }},
		side{"inline", func() int { return in.stream(b, be) }})
}
