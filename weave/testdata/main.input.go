// Command main: a binary's main gets the plugin set and the shutdown
// lifecycle; os.Exit runs the shutdown first.
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) > 1 {
		fmt.Fprintln(os.Stderr, "no arguments")
		os.Exit(2)
	}
	exit := os.Exit
	defer exit(0)
	fmt.Println("ok")
}

func shadowed() {
	os := struct{ Exit func(int) }{func(int) {}}
	os.Exit(1)
}
