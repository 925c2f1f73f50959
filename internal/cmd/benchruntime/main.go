// Command benchruntime runs the runtime benchmarks of package
// benchmarks/runtime in a plain and a woven test binary, alternating the
// two so that both see the same machine, and prints the medians of their
// runs as the table of ratios that the README shows. make bench-runtime
// runs it.
//
//	go run ./internal/cmd/benchruntime -hookweave bin/hookweave -count 5
package main

import "os"

func main() { os.Exit(Main(os.Args[1:], os.Stdout, os.Stderr)) }
