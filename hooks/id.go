package hooks

import (
	"crypto/rand"
	"encoding/hex"
)

// NewID returns a new random correlation id of 32 hex digits.
func NewID() string {
	var b [16]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
