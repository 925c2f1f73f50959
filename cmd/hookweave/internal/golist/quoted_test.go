package golist

import (
	"slices"
	"testing"
)

// TestSplit follows the go command's reading of -toolexec, -gcflags,
// -ldflags and GOFLAGS.
func TestSplit(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"  a  b\tc\n", []string{"a", "b", "c"}},
		{`'/opt/my tools/hookweave'`, []string{"/opt/my tools/hookweave"}},
		{`-X "main.v=a b" -s`, []string{"-X", "main.v=a b", "-s"}},
		{`'it"s' "it's"`, []string{`it"s`, "it's"}},
		{`a'b c'`, []string{"a'b", "c'"}}, // quotes count only around a field
		{`''`, []string{""}},
	}
	for _, c := range cases {
		got, err := Split(c.in)
		if err != nil || !slices.Equal(got, c.want) {
			t.Errorf("Split(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	for _, bad := range []string{`'open`, `a "open`} {
		if _, err := Split(bad); err == nil {
			t.Errorf("Split(%q): no error for an unterminated quote", bad)
		}
	}
}

// TestJoin quotes what Split must give back.
func TestJoin(t *testing.T) {
	for _, fields := range [][]string{
		{"/opt/my tools/hookweave"},
		{"plain", "with space", `it's`, `say "hi"`, "tab\there", "é ü"},
	} {
		s, err := Join(fields)
		if err != nil {
			t.Fatalf("Join(%q): %v", fields, err)
		}
		back, err := Split(s)
		if err != nil || !slices.Equal(back, fields) {
			t.Errorf("Split(Join(%q)) = Split(%q) = %q, %v", fields, s, back, err)
		}
	}
	if s, _ := Join([]string{"/usr/bin/hookweave"}); s != "/usr/bin/hookweave" {
		t.Errorf("Join quoted a path without spaces: %q", s)
	}
	if _, err := Join([]string{`both ' and "`}); err == nil {
		t.Error("Join of a field with both quotes: no error")
	}
}
