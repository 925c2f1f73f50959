// Package core is the one pure tree of this module.
package core

import "example.com/dep" // want `^core must import only the standard library, not example.com/dep$`

func C() { dep.D() }
