package hooks

// wovenBy is set by hookweave at link time (-X) to its identity; it is empty
// in a plain build.
var wovenBy string

// Woven reports whether the binary was built with hookweave, so that the
// //mellea:hook lifecycles fire.
func Woven() bool { return wovenBy != "" }

// WovenBy returns the identity of the hookweave that built the binary, or ""
// in a plain build.
func WovenBy() string { return wovenBy }
