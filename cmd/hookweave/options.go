package main

import toolexecmode "github.com/hookweave/hookweave/cmd/hookweave/internal/toolexec"

// module is hookweave's module path.
const module = "github.com/hookweave/hookweave"

// options configure the toolexec mode and the identity that version
// prints: what a woven main links, and which of the module's directories
// the identity hashes when the build takes the module from a directory.
var options = toolexecmode.Options{
	HooksPath:    module + "/hooks",
	Plugins:      []string{module + "/telemetry/plugins"},
	Module:       module,
	InjectedDirs: []string{"hooks", "telemetry"},
}
