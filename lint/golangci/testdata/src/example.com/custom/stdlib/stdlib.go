// Package stdlib imports telemetry, which only the default settings forbid.
package stdlib

import "example.com/custom/telemetry"

func S() { telemetry.Span() }
