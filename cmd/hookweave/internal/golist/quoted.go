package golist

import (
	"fmt"
	"strings"
)

// The go command reads -toolexec, -gcflags, -ldflags and GOFLAGS as fields
// separated by spaces (space, tab, newline, carriage return), where a field
// may be quoted in single or double quotes, with no escapes inside.

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// Split splits s into fields as the go command does.
func Split(s string) ([]string, error) {
	var fields []string
	for {
		s = strings.TrimLeft(s, " \t\n\r")
		if s == "" {
			return fields, nil
		}
		if q := s[0]; q == '"' || q == '\'' {
			end := strings.IndexByte(s[1:], q)
			if end < 0 {
				return nil, fmt.Errorf("unterminated %c string", q)
			}
			fields = append(fields, s[1:1+end])
			s = s[2+end:]
			continue
		}
		end := strings.IndexAny(s, " \t\n\r")
		if end < 0 {
			end = len(s)
		}
		fields = append(fields, s[:end])
		s = s[end:]
	}
}

// Join quotes fields so that Split returns them: a field with a space or a
// quote is put in the quotes it does not contain. A field that contains
// both kinds of quote cannot be written.
func Join(fields []string) (string, error) {
	var b strings.Builder
	for i, f := range fields {
		if i > 0 {
			b.WriteByte(' ')
		}
		single, double := strings.ContainsRune(f, '\''), strings.ContainsRune(f, '"')
		switch {
		case !single && !double && strings.IndexAny(f, " \t\n\r") < 0:
			b.WriteString(f)
		case !single:
			b.WriteString("'" + f + "'")
		case !double:
			b.WriteString(`"` + f + `"`)
		default:
			return "", fmt.Errorf("argument %q contains both single and double quotes and cannot be quoted", f)
		}
	}
	return b.String(), nil
}
