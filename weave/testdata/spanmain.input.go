// Package main: a program's package main names its functions main.<name>,
// as a stack trace does, and gets the plugin set.
package main

import "context"

//mellea:hook span
func run(ctx context.Context) error { return nil }

func main() { run(context.Background()) }
