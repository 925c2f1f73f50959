package annotations

import (
	"fmt"
	"go/token"
	"sort"
	"strings"
)

// Error is one problem with an annotation, at a position.
type Error struct {
	Pos token.Position
	Msg string // lower case, says what is wrong and how to fix it
}

// Error formats e as file:line:col: msg. The command that reports it adds
// its name after the position (file:line:col: hookweave: msg).
func (e *Error) Error() string {
	if e.Pos.IsValid() {
		return fmt.Sprintf("%s: %s", e.Pos, e.Msg)
	}
	return e.Msg
}

// ErrorList is every problem found in a file, in position order.
type ErrorList []*Error

func (l ErrorList) Error() string {
	msgs := make([]string, len(l))
	for i, e := range l {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

func (l ErrorList) sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i].Pos, l[j].Pos
		if a.Filename != b.Filename {
			return a.Filename < b.Filename
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
}

// err returns l as an error, nil when empty.
func (l ErrorList) err() error {
	if len(l) == 0 {
		return nil
	}
	l.sort()
	return l
}
