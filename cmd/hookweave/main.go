// Command hookweave weaves //mellea:hook annotations into hook lifecycles at
// build time and links the telemetry plugins into the binary:
//
//	go build -toolexec=hookweave ./...
//
// Run hookweave --help for its subcommands.
package main

import "os"

func main() { os.Exit(Main(os.Args[1:], os.Stdout, os.Stderr)) }
