//go:build race

package telemetry

// raceEnabled: under the race detector, sync.Pool drops some of what it
// is given on purpose, so pooled memory is allocated again now and then.
const raceEnabled = true
