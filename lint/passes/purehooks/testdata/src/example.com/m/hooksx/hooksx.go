// Package hooksx looks like hooks but is not under it.
package hooksx

import "example.com/dep"

var _ = dep.D
