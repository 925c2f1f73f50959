// Package hooks keeps to the standard library under the default settings.
package hooks

import "example.com/m/metrics" // want `^hooks must import only the standard library, not metrics$`

func H() { metrics.Count() }
