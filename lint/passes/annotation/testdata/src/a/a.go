// Package a holds good and bad //mellea:hook annotations. A want comment
// sits on the line above what it expects (want +N), as a comment after an
// annotation would be part of it.
package a

import "context"

type S struct{}

// Good is well-formed: nothing is reported.
//
//mellea:hook streaming
func (s *S) Good(ctx context.Context) (err error) { return nil }

// GoodSubject names its subject.
//
//mellea:hook generation subject=g
func GoodSubject(ctx context.Context, g *S) error { return nil }

// want +1 `^malformed annotation "// mellea:hook streaming": write //mellea:hook with no space after //, or it is only a comment$`
// mellea:hook streaming
func (s *S) Spaced(ctx context.Context) error { return nil }

// want +2 `^unknown lifecycle "streem": use one of session, component, generation, streaming, span$`
//
//mellea:hook streem
func (s *S) Unknown(ctx context.Context) error { return nil }

// want +2 `^unknown directive //mellea:hooks: the only mellea directive is //mellea:hook$`
//
//mellea:hooks streaming
func (s *S) Directive(ctx context.Context) error { return nil }

// want +2 `^misplaced //mellea:hook: it must be in the doc comment of a function declaration, directly above func$`
//
//mellea:hook streaming
type T struct{}

//mellea:hook streaming
func (s *S) NoContext(n int) error { return nil } // want `^NoContext is annotated //mellea:hook streaming but takes no context.Context: add a ctx context.Context parameter`

//mellea:hook streaming
func (s *S) NoError(ctx context.Context) int { return 0 } // want `^NoError is annotated //mellea:hook streaming but does not return error as its last result`

// Two problems at once: both are reported.
//
// want +2 `^unknown key "subjekt": the keys are subject and ctx$`
//
//mellea:hook streaming subjekt=s
func (s *S) TwoProblems(ctx context.Context) error { return nil }

//mellea:hook component
func NoReceiver(ctx context.Context) error { return nil } // want `^NoReceiver is annotated //mellea:hook component but has no receiver: name its subject with subject=<parameter>$`

// Spans on the program's own functions: well-formed ones report nothing.
//
//mellea:hook span
func GoodSpan(ctx context.Context, key string) string { return key }

//mellea:hook span name=retrieve.docs ctx=c
func (s *S) GoodNamedSpan(n int, c context.Context) (int, error) { return n, nil }

//mellea:hook span
func GoodGenericSpan[T any](ctx context.Context, xs []T) []T { return xs }

//mellea:hook span
func SpanNoContext(key string) string { return key } // want `^SpanNoContext is annotated //mellea:hook span but takes no context.Context: add a ctx context.Context parameter, through which the lifecycle's plugins pass their context$`

//mellea:hook span
func SpanNoBody(ctx context.Context) // want `^SpanNoBody is annotated //mellea:hook span but has no body: only a function with a Go body can be woven; remove the annotation$`

// want +2 `^unknown key "subject": the keys of span are name and ctx$`
//
//mellea:hook span subject=s
func (s *S) SpanSubject(ctx context.Context) {}

// want +2 `^name=retrieve\+docs: a span name is letters, digits and \. _ - / only, such as name=retrieve\.docs$`
//
//mellea:hook span name=retrieve+docs
func SpanBadName(ctx context.Context) {}
