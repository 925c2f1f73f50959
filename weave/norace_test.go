//go:build !race

package weave

// raceEnabled reports a -race test binary, where TestGoroot weaves a
// sample of the tree to stay within CI's time.
const raceEnabled = false
