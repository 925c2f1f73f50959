package report_test

import (
	"errors"
	"fmt"
	"go/token"
	"testing"

	"github.com/hookweave/hookweave/annotations"
	"github.com/hookweave/hookweave/cmd/hookweave/internal/report"
)

func TestFormat(t *testing.T) {
	pos := token.Position{Filename: "a.go", Line: 3, Column: 1}
	pos2 := token.Position{Filename: "a.go", Line: 9, Column: 2}
	for _, c := range []struct {
		err  error
		want string
	}{
		{errors.New("no archive for injected package p"), "hookweave: no archive for injected package p"},
		{fmt.Errorf("locking f: %w", errors.New("busy")), "hookweave: locking f: busy"},
		{&annotations.Error{Pos: pos, Msg: "unknown lifecycle"}, "a.go:3:1: hookweave: unknown lifecycle"},
		{&annotations.Error{Msg: "no position"}, "hookweave: no position"},
		{annotations.ErrorList{{Pos: pos, Msg: "first"}, {Pos: pos2, Msg: "second"}}, "a.go:3:1: hookweave: first\na.go:9:2: hookweave: second"},
		{fmt.Errorf("weaving: %w", annotations.ErrorList{{Pos: pos, Msg: "wrapped"}}), "a.go:3:1: hookweave: wrapped"},
	} {
		if got := report.Format(c.err); got != c.want {
			t.Errorf("Format(%q) =\n%s\nwant\n%s", c.err, got, c.want)
		}
	}
}
