//go:build tools

// Package tools keeps hookweave's plugin set required, so that go mod tidy
// and go mod vendor keep what woven builds link.
package tools

import _ "github.com/hookweave/hookweave/telemetry/plugins"
