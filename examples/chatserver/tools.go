//go:build tools

// Keeps hookweave's plugin set required, so that go mod tidy keeps what a
// woven build links (go build -toolexec=hookweave adds its import).
package main

import _ "github.com/hookweave/hookweave/telemetry/plugins"
