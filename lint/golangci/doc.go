// Package golangci is hookweave's architecture lint as a golangci-lint
// module plugin: importing it registers the plugin "hookweave", whose
// linter runs the analyzers of package lint (notelemetry, purehooks,
// annotation) inside golangci-lint v2.
//
// A module builds its own golangci-lint with `golangci-lint custom` from a
// .custom-gcl.yml that names this package, and enables the linter in
// .golangci.yml:
//
//	linters:
//	  enable: [hookweave]
//	  settings:
//	    custom:
//	      hookweave:
//	        type: module
//	        settings:
//	          forbid: ["stdlib:telemetry", "stdlib:go.opentelemetry.io"]
//	          pure: [hooks, annotations]
//
// The settings are those of [Settings], decoded strictly: an unknown
// setting, a value of the wrong type or an invalid tree is an error that
// stops golangci-lint before it lints anything.
//
// Package golangci must never import telemetry.
package golangci
