// Package hooks imports metrics, which only the default settings forbid.
package hooks

import "example.com/custom/metrics"

func H() { metrics.Count() }
