// Command mellea-stream is the demo: it streams a model's reply through a
// session and an action, cuts it into chunks, checks every chunk against the
// requirements given on the command line, and stops early on a failed check.
//
// Built plainly it has no telemetry. Built with hookweave,
//
//	go build -toolexec=hookweave ./cmd/mellea-stream
//	MELLEA_TRACES_ENABLED=1 MELLEA_TRACES_CONSOLE=1 ./mellea-stream "Tell me about Go."
//
// it prints the session > action > stream_with_chunking > chat trace on
// standard error.
//
// Each delivered chunk goes to standard output as it arrives, one per line;
// a one-line summary goes to standard error. Exit status: 0 the stream
// completed, 1 an error, 2 a usage error, 3 a failed check stopped it.
package main

import "os"

func main() { os.Exit(Main(os.Args[1:], os.Stdout, os.Stderr)) }
