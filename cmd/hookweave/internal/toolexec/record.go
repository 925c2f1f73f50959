package toolexec

import "strings"

// The hookweave.inj member of a woven package's archive says that the
// package was woven and which imports the build did not plan:
//
//	woven
//	inject <import path>
//	...
func encodeRecord(injected []string) []byte {
	var b strings.Builder
	b.WriteString("woven\n")
	for _, p := range injected {
		b.WriteString("inject " + p + "\n")
	}
	return []byte(b.String())
}

// decodeRecord returns the injected imports of a record.
func decodeRecord(data []byte) []string {
	var out []string
	for _, line := range strings.Split(string(data), "\n") {
		if p, ok := strings.CutPrefix(line, "inject "); ok {
			out = append(out, p)
		}
	}
	return out
}
