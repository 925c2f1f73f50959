// clean imports the standard library and a package under stdlib
// that reaches nothing forbidden: it has no fact.
package clean

import (
	"strings"

	"example.com/m/telemetryx"
)

func C() string { telemetryx.Extra(); return strings.ToUpper("c") }
