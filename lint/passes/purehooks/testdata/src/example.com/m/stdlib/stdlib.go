// Package stdlib may import what it needs.
package stdlib

import "example.com/dep"

func S() { dep.D() }
