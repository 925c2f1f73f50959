package telemetry

import "slices"

// DurationBuckets returns the bucket boundaries (seconds) of the
// mellea.llm.request.duration histogram, for code that must record the
// same histogram, such as the inline reference of the runtime benchmarks.
func DurationBuckets() []float64 { return slices.Clone(durationBuckets) }

// TTFBBuckets returns the bucket boundaries (seconds) of the
// mellea.llm.ttfb histogram.
func TTFBBuckets() []float64 { return slices.Clone(ttfbBuckets) }
