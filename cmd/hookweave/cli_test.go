package main

import (
	"bytes"
	"strings"
	"testing"
)

// Every subcommand answers -h with its full usage on stdout, and bad
// flags or arguments with its synopsis and a hint on stderr, exit 2,
// without running.
func TestCommands_Usage(t *testing.T) {
	bad := map[string][]string{
		"show":    {},         // no packages
		"version": {"extra"},  // no arguments
		"lint":    {"-bogus"}, // no such flag
	}
	for _, c := range commands {
		t.Run(c.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := Main([]string{c.name, "-h"}, &stdout, &stderr); code != 0 || stderr.Len() > 0 {
				t.Errorf("-h: exit %d, stderr %q", code, &stderr)
			}
			help := stdout.String()
			if want := "usage: hookweave " + c.synopsis() + "\n\n" + c.long; !strings.HasPrefix(help, want) {
				t.Errorf("-h printed\n%s\nwant it to begin with\n%s", help, want)
			}
			if c.name != "version" && !strings.Contains(help, "\nFlags:\n\n  -") {
				t.Errorf("-h lists no flags:\n%s", help)
			}

			args, ok := bad[c.name]
			if !ok {
				t.Fatalf("no bad usage for %s in the test", c.name)
			}
			stdout.Reset()
			stderr.Reset()
			if code := Main(append([]string{c.name}, args...), &stdout, &stderr); code != 2 || stdout.Len() > 0 {
				t.Errorf("%q: exit %d, stdout %q", args, code, &stdout)
			}
			want := "usage: hookweave " + c.synopsis() + "\nRun 'hookweave " + c.name + " -h' for usage.\n"
			if got := stderr.String(); !strings.HasSuffix(got, want) || strings.Count(got, "\n") != 3 {
				t.Errorf("%q: stderr\n%s\nwant one line of error, then\n%s", args, got, want)
			}
		})
	}
}
