// Package annotation defines an Analyzer that checks the //mellea:hook
// annotations, with the parser and the messages of the weaver.
//
// # Analyzer annotation
//
// annotation: check that every //mellea:hook annotation is well-formed and on a function of the right shape
//
// The weaver rewrites each function annotated
//
//	//mellea:hook <lifecycle> [subject=<name>] [ctx=<name>]
//	//mellea:hook span [name=<name>] [ctx=<name>]
//
// into a hook lifecycle, and fails the build on an annotation it cannot
// weave. The analyzer reports the same problems, in the same words and at
// the same positions, without a build: a misspelt or misplaced directive, an
// unknown lifecycle or key, a malformed span name, a function with no body,
// no named context.Context, no subject or no error result (a span needs
// neither). Package annotations defines the grammar and the checks; see its
// documentation.
//
// Every file of the package is checked, test files and generated files
// included: the weaver would reject them too.
package annotation
