package golist

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
)

// Cmd says how to run go list.
type Cmd struct {
	Go    string   // the go binary; "go" from PATH when empty
	Env   []string // added to the process's environment
	Flags []string // flags before the packages, each one argument as given to the go command
}

// Packages runs go list -json=fields with c's flags on patterns and
// decodes each package it prints into a new T, in order. A failure of the
// go command is an error that says what ran and what it printed.
func Packages[T any](c Cmd, fields string, patterns []string) ([]*T, error) {
	args := append([]string{"list", "-json=" + fields}, c.Flags...)
	args = append(append(args, "--"), patterns...)
	goBin := c.Go
	if goBin == "" {
		goBin = "go"
	}
	cmd := exec.Command(goBin, args...)
	if len(c.Env) > 0 {
		cmd.Env = append(os.Environ(), c.Env...)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go %s: %w\n%s", strings.Join(args, " "), err, stderr.Bytes())
	}
	return Decode[T](out)
}

// Decode decodes the stream of JSON objects that go list -json prints.
func Decode[T any](out []byte) ([]*T, error) {
	var pkgs []*T
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		p := new(T)
		if err := dec.Decode(p); errors.Is(err, io.EOF) {
			return pkgs, nil
		} else if err != nil {
			return nil, fmt.Errorf("reading go list output: %w", err)
		}
		pkgs = append(pkgs, p)
	}
}
