// A program whose annotated functions cover every shape a span takes: run
// plain and woven, it prints the same on standard output; woven, its
// plugin prints each span on standard error, indented by nesting.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/hookweave/hookweave/hooks"
)

type store struct{ data map[string]string }

func (s *store) fetch(key string) (string, error) {
	if v, ok := s.data[key]; ok {
		return v, nil
	}
	return "", errors.New("missing " + key)
}

//mellea:hook span
func (s *store) get(ctx context.Context, key string) (v string, err error) {
	if v, err := s.fetch(key); err != nil {
		return v + "!", err
	}
	{
		err := errors.New("shadowed, never returned")
		_ = err
	}
	v, err = s.fetch(key)
	return
}

type List[T any] struct{ items []T }

//mellea:hook span name=list.push
func (l *List[T]) Push(ctx context.Context, x T) error {
	l.items = append(l.items, x)
	return nil
}

//mellea:hook span
func (l List[T]) Len(ctx context.Context) int { return len(l.items) }

//mellea:hook span
func Map[T, U any](ctx context.Context, xs []T, f func(T) (U, error)) ([]U, error) {
	var out []U
	for _, x := range xs {
		u, err := f(x)
		if err != nil {
			return out, err
		}
		out = append(out, u)
	}
	return out, nil
}

//mellea:hook span
func safe(ctx context.Context, f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	f()
	return nil
}

//mellea:hook span
func fact(ctx context.Context, n int) int {
	if n <= 1 {
		return 1
	}
	return n * fact(ctx, n-1)
}

//mellea:hook span
func boom(ctx context.Context) int { panic("boom") }

//mellea:hook span
func quit(ctx context.Context) error {
	runtime.Goexit()
	return nil
}

// catch stops the panic of the function that defers it: its body calls
// recover itself.
//
//mellea:hook span
func catch(ctx context.Context, errp *error) {
	if r := recover(); r != nil {
		*errp = fmt.Errorf("caught: %v", r)
	}
}

func guarded(ctx context.Context) (err error) {
	defer catch(ctx, &err)
	panic("guarded")
}

type counter struct{}

// sum has an unnamed receiver, a blank parameter and a variadic one, all
// passed on.
//
//mellea:hook span
func (*counter) sum(ctx context.Context, _ string, xs ...int) (n int) {
	for _, x := range xs {
		n += x
	}
	return
}

type depthKey struct{}

// printSpans registers a plugin that prints each span, indented by how
// many spans enclose it.
func printSpans() {
	indent := func(ctx context.Context) (int, string) {
		d, _ := ctx.Value(depthKey{}).(int)
		return d, strings.Repeat("  ", d)
	}
	_, err := hooks.Register("print", map[hooks.Hook]hooks.Handler{
		hooks.SpanStart: func(ctx context.Context, p hooks.Payload) hooks.Result {
			s := p.(*hooks.SpanPayload)
			d, in := indent(ctx)
			fmt.Fprintf(os.Stderr, "%sstart %s %s %s:%s\n", in, s.Name, s.Function, filepath.Base(s.File), strconv.Itoa(s.Line))
			return hooks.Result{Context: context.WithValue(ctx, depthKey{}, d+1)}
		},
		hooks.SpanEnd: func(ctx context.Context, p hooks.Payload) hooks.Result {
			s := p.(*hooks.SpanPayload)
			_, in := indent(ctx)
			fmt.Fprintf(os.Stderr, "%send %s err=%v kind=%s\n", in[2:], s.Name, s.Err, s.ErrorKind)
			return hooks.Result{}
		},
	}, hooks.WithMode(hooks.Audit))
	if err != nil {
		panic(err)
	}
}

func main() {
	printSpans()
	ctx := context.Background()
	s := &store{data: map[string]string{"a": "1"}}
	fmt.Println(s.get(ctx, "a"))
	fmt.Println(s.get(ctx, "b"))
	var l List[string]
	fmt.Println(l.Push(ctx, "x"), l.Len(ctx))
	fmt.Println(Map(ctx, []int{1, 2, 3}, func(i int) (string, error) {
		if i == 3 {
			return "", errors.New("three")
		}
		return strconv.Itoa(i * 10), nil
	}))
	fmt.Println(safe(ctx, func() { panic("inner") }))
	fmt.Println(fact(ctx, 3))
	func() {
		defer func() { fmt.Println("recovered", recover()) }()
		fmt.Println(boom(ctx))
	}()
	var wg sync.WaitGroup
	wg.Go(func() {
		quit(ctx)
		fmt.Println("after Goexit")
	})
	wg.Wait()
	fmt.Println("goroutine exited")
	fmt.Println(guarded(ctx))
	var c counter
	fmt.Println(c.sum(ctx, "ignored", 1, 2, 3, 4))
}
