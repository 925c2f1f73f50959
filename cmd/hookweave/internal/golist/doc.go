// Package golist is hookweave's one way to run the go command's list
// subcommand and decode its JSON, and the quoting rules by which the go
// command reads a list of arguments from one string (-toolexec, -gcflags,
// -ldflags, GOFLAGS), so that a nested go command gets the parent's flags
// exactly as the parent parsed them.
//
// It imports only the standard library.
package golist
