// Package race says whether the race detector is on (go build -race,
// go test -race), for the tests whose expectations differ under it: under
// it, sync.Pool drops some of what it is given on purpose, so pooled
// memory is allocated again now and then, and everything runs several
// times slower.
package race
