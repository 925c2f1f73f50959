package requirement_test

import (
	"context"
	"fmt"

	"github.com/hookweave/hookweave/stdlib/requirement"
)

// Requirements judge each chunk as it streams; a failure carries a reason.
func Example() {
	reqs := []requirement.Requirement{requirement.MaxWords(5), requirement.Forbid("darn")}
	for _, chunk := range []string{"It works.", "Darn, it broke again today, sadly."} {
		for _, r := range reqs {
			res, err := r.Check(context.Background(), nil, chunk)
			if err != nil {
				panic(err)
			}
			line := fmt.Sprintf("%s on %q: %v", requirement.Name(r), chunk, res.Outcome)
			if res.Reason != "" {
				line += " (" + res.Reason + ")"
			}
			fmt.Println(line)
		}
	}
	// Output:
	// MaxWords on "It works.": pass
	// Forbid on "It works.": pass
	// MaxWords on "Darn, it broke again today, sadly.": fail (chunk has 6 words; at most 5 allowed)
	// Forbid on "Darn, it broke again today, sadly.": fail (chunk contains forbidden word "darn")
}
