package telemetry

import "slices"

// DurationBuckets returns the bucket boundaries (seconds) of the v0.7
// profile's mellea.llm.request.duration histogram.
func DurationBuckets() []float64 { return slices.Clone(namesV07.duration.buckets) }

// TTFBBuckets returns the bucket boundaries (seconds) of the v0.7 profile's
// mellea.llm.ttfb histogram.
func TTFBBuckets() []float64 { return slices.Clone(namesV07.ttfc.buckets) }
