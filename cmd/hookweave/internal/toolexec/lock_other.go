//go:build !unix

package toolexec

// withLock runs fn. Without flock, concurrent compiles of one build may each
// run the nested resolution; the results are the same.
func withLock(path string, fn func() error) error { return fn() }
