package chunking_test

import (
	"fmt"

	"github.com/hookweave/hookweave/stdlib/chunking"
)

// A stream keeps what Split leaves over and hands it back with the next
// delta; at the end it flushes the rest.
func Example() {
	c, err := chunking.ByName("sentence")
	if err != nil {
		panic(err)
	}
	buf := ""
	for _, delta := range []string{"Hel", "lo there. How a", "re you? I am", " fine"} {
		var chunks []string
		chunks, buf = c.Split(buf + delta)
		for _, chunk := range chunks {
			fmt.Printf("%s: %q\n", chunking.Name(c), chunk)
		}
	}
	for _, chunk := range c.Flush(buf) {
		fmt.Printf("flushed: %q\n", chunk)
	}
	// Output:
	// sentence: "Hello there."
	// sentence: "How are you?"
	// flushed: "I am fine"
}
