// Package annotations is the //mellea:hook grammar: it finds the annotations
// in a Go file, checks them and the functions they sit on, and says which
// hook lifecycle each one opens. The weaver (weave/) and the lint (lint/)
// both use it, so a build and a lint run report the same problems in the
// same words.
//
// # Grammar
//
// An annotation is a line of a function's doc comment:
//
//	//mellea:hook <lifecycle> [subject=<name>] [ctx=<name>]
//
// <lifecycle> is one of the names of Lifecycles (session, component,
// generation, streaming; span, below, differs). The function must:
//
//   - have a body;
//   - take a named context.Context parameter: the one named by ctx=, or the
//     only parameter whose type is written context.Context;
//   - have a subject: the receiver, or the parameter named by subject=; its
//     type implements the lifecycle's subject interface in package hooks
//     (the compiler checks that in the woven code, and reports it at the
//     annotation);
//   - return error as its last result.
//
// The subject's methods give the start and end payloads (the end one from
// the function's final error), so the annotation itself says nothing about
// payload fields: the weaver needs no type information.
//
// # Spans
//
// A program's own functions open the span lifecycle:
//
//	//mellea:hook span [name=<name>] [ctx=<name>]
//
// on any function or method with a body and a named context.Context
// parameter (found as above), whatever its results and type parameters.
// The span is named <name> (letters, digits and . _ - /, such as
// retrieve.docs), or else after the function as a stack trace names it,
// without the package path (FuncName: "lookup", "(*store).lookup",
// "Map[...]"). If the last result is error, it is the span's outcome;
// otherwise only a panic is. span takes no subject=.
//
// Any other use of the mellea: prefix is an error: a directive with a space
// after //, an unknown directive or lifecycle, an unknown or repeated key, an
// annotation outside a function's doc comment, or two on one function.
//
// Package annotations imports only the Go standard library.
package annotations
