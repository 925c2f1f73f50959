// Package pure keeps to the standard library under the settings pure: [pure].
package pure

import (
	"strings"

	"example.com/custom/core" // want `^pure must import only the standard library, not core$`
)

func P(s string) string { core.C(); return strings.ToUpper(s) }
