package telemetry

import "github.com/hookweave/hookweave/internal/semconv"

// Every name the telemetry emits is in package semconv's tables, one per
// mellea release; a run uses one table throughout, chosen by
// MELLEA_TELEMETRY_NAMES. No name is spelt out in this package.

// The profiles, as MELLEA_TELEMETRY_NAMES spells them.
const (
	ProfileV07  = semconv.ProfileV07
	ProfileMain = semconv.ProfileMain
)

// Instrumentation scopes, the same in both releases.
const (
	TracerApplication = semconv.TracerApplication // session, start_session, action, stream
	TracerBackend     = semconv.TracerBackend     // chat
	MeterName         = semconv.MeterName
)

// names is one release's table.
type names = semconv.Table

// profiles lists the tables, the default first.
var profiles = semconv.Profiles

// namesOf returns the table of profile, and false (with the default
// table) for an unknown one.
func namesOf(profile string) (*names, bool) { return semconv.Of(profile) }
