// Package lint is hookweave's architecture lint: the analyzers that keep
// OpenTelemetry and the telemetry plugins out of the library (stdlib), the
// hooks and annotations packages free of dependencies, and every
// //mellea:hook annotation valid. Both `hookweave lint` and
// `go vet -vettool=$(command -v hookweave)` run them.
//
// The analyzers live in passes/<name>, one per package. Package lint and
// its passes must never import telemetry.
package lint

import (
	"golang.org/x/tools/go/analysis"

	"github.com/hookweave/hookweave/lint/passes/annotation"
	"github.com/hookweave/hookweave/lint/passes/notelemetry"
	"github.com/hookweave/hookweave/lint/passes/purehooks"
)

// Analyzers are the architecture analyzers, in the order help lists them.
var Analyzers = []*analysis.Analyzer{
	notelemetry.Analyzer,
	purehooks.Analyzer,
	annotation.Analyzer,
}
