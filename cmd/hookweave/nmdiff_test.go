package main

import (
	"fmt"
	"os/exec"
	"regexp"
	"slices"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
)

// cmdNMDiff prints the symbols that one binary has and the other has not,
// by name, as go tool nm lists them: "- name" for a symbol only in old,
// "+ name" for one only in new, sorted; names that match the regular
// expression ignore are left out: nmdiff old new [ignore]
func cmdNMDiff(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 || len(args) > 3 {
		ts.Fatalf("usage: nmdiff old new [ignore]")
	}
	ignore := func(string) bool { return false }
	if len(args) == 3 {
		re, err := regexp.Compile(args[2])
		ts.Check(err)
		ignore = re.MatchString
	}
	w := ts.Stdout() // sets stdout, to nothing when the symbols agree
	old, new := symbols(ts, args[0]), symbols(ts, args[1])
	for _, s := range old {
		if _, ok := slices.BinarySearch(new, s); !ok && !ignore(s) {
			fmt.Fprintln(w, "-", s)
		}
	}
	for _, s := range new {
		if _, ok := slices.BinarySearch(old, s); !ok && !ignore(s) {
			fmt.Fprintln(w, "+", s)
		}
	}
}

// symbols returns the sorted names of the symbols of a binary.
func symbols(ts *testscript.TestScript, file string) []string {
	out, err := exec.Command("go", "tool", "nm", ts.MkAbs(file)).Output()
	ts.Check(err)
	var names []string
	for _, line := range strings.Split(string(out), "\n") {
		// address type name, or type name for an undefined symbol; a
		// name may hold spaces
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		if len(f[0]) > 1 { // an address
			f = f[1:]
		}
		names = append(names, strings.Join(f[1:], " "))
	}
	slices.Sort(names)
	return slices.Compact(names)
}
