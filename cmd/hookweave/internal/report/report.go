// Package report is the one place that writes hookweave's errors for its
// user, as cmd/go writes "go: ": each line begins "hookweave: ", after the
// position when the problem has one (file:line:col: hookweave: ...).
// Errors themselves carry no prefix, so wrapping one never doubles it.
//
// It imports annotations (for positioned errors) and the standard library.
package report

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/hookweave/hookweave/annotations"
)

// Prefix begins every problem hookweave reports.
const Prefix = "hookweave: "

// Format returns err as hookweave reports it: one line per problem of an
// annotations.ErrorList, each at its position; otherwise the error's text
// after Prefix (or after the position of an *annotations.Error).
func Format(err error) string {
	var list annotations.ErrorList
	if errors.As(err, &list) {
		lines := make([]string, len(list))
		for i, e := range list {
			lines[i] = line(e)
		}
		return strings.Join(lines, "\n")
	}
	var e *annotations.Error
	if errors.As(err, &e) && e.Pos.IsValid() {
		return line(e)
	}
	return Prefix + err.Error()
}

func line(e *annotations.Error) string {
	if e.Pos.IsValid() {
		return e.Pos.String() + ": " + Prefix + e.Msg
	}
	return Prefix + e.Msg
}

// Print writes err to w as Format does, ending with a newline.
func Print(w io.Writer, err error) {
	fmt.Fprintln(w, Format(err))
}
