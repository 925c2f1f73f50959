// Package hooks is not pure here: the trees are core alone.
package hooks

import "example.com/dep"

func H() { dep.D() }
