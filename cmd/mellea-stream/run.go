package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"unicode/utf8"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/stdlib/backend"
	"github.com/hookweave/hookweave/stdlib/backend/openai"
	"github.com/hookweave/hookweave/stdlib/backend/scripted"
	"github.com/hookweave/hookweave/stdlib/requirement"
	"github.com/hookweave/hookweave/stdlib/session"
	"github.com/hookweave/hookweave/stdlib/streaming"
)

// Exit statuses.
const (
	exitCompleted = 0
	exitError     = 1
	exitUsage     = 2
	exitStopped   = 3 // a failed check stopped the stream
)

// Main runs the demo with args (os.Args[1:]) and returns its exit status.
func Main(args []string, stdout, stderr io.Writer) int {
	o, err := parseFlags(args, stdout, stderr)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return exitCompleted
	case err != nil:
		return exitUsage
	}
	b, err := newBackend(o)
	if err != nil {
		fmt.Fprintf(stderr, "mellea-stream: %v\n", err)
		return exitError
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	res, chunks, err := stream(ctx, b, o, stdout, stderr)
	return summarize(stderr, res, chunks, err)
}

// stream runs one session with one streamed instruction, writing each
// delivered chunk to stdout as it arrives.
func stream(ctx context.Context, b backend.Backend, o *options, stdout, stderr io.Writer) (streaming.Result, int, error) {
	in := session.Instruction{Text: o.prompt, Requirements: o.requirements(), Chunking: o.chunker, Strategy: o.strategy}
	var res streaming.Result
	chunks := 0
	err := session.Run(ctx, session.Config{Backend: b}, func(ctx context.Context, s *session.Session) error {
		st := s.Stream(ctx, in)
		defer st.Close()
		shown := 1
		for chunk, err := range st.Chunks() {
			if err != nil {
				return err
			}
			if a := st.Attempt(); a != shown {
				// A new attempt: what was shown above it failed.
				shown = a
				fmt.Fprintf(stderr, "mellea-stream: attempt %d of %d: the chunks above failed\n", a, o.budget)
			}
			chunks++
			if _, err := fmt.Fprintln(stdout, chunk); err != nil {
				return err
			}
		}
		res = st.Result()
		return nil
	})
	return res, chunks, err
}

// requirements are the per-chunk requirements the flags ask for.
func (o *options) requirements() []requirement.Requirement {
	var reqs []requirement.Requirement
	if o.maxWords > 0 {
		reqs = append(reqs, requirement.MaxWords(o.maxWords))
	}
	for _, w := range o.forbid {
		reqs = append(reqs, requirement.Forbid(w))
	}
	return reqs
}

func newBackend(o *options) (backend.Backend, error) {
	if o.backend == "openai" {
		cfg := openai.ConfigFromEnv()
		if o.model != "" {
			cfg.Model = o.model
		}
		if o.baseURL != "" {
			cfg.BaseURL = o.baseURL
		}
		return openai.New(cfg)
	}
	replies, err := o.replies()
	if err != nil {
		return nil, err
	}
	opts := []scripted.Option{scripted.WithDelta(o.delta), scripted.WithDelay(o.delay), scripted.WithReplies(replies...)}
	if o.model != "" {
		opts = append(opts, scripted.WithModel(o.model))
	}
	if o.failAfter > 0 {
		opts = append(opts, scripted.WithFailAfter(o.failAfter))
	}
	return scripted.New(replies[0], opts...), nil
}

// summarize writes the one-line summary and returns the exit status.
func summarize(stderr io.Writer, res streaming.Result, chunks int, err error) int {
	build := "plain build"
	if hooks.Woven() {
		build = "woven build"
	}
	n := utf8.RuneCountInString(res.FullText)
	if len(res.Attempts) > 1 {
		build = fmt.Sprintf("%d attempts, %s", len(res.Attempts), build)
	}
	switch {
	case err != nil:
		fmt.Fprintf(stderr, "mellea-stream: error after %d chunks (%s): %v\n", chunks, build, err)
		return exitError
	case res.FailureReason != "":
		fmt.Fprintf(stderr, "mellea-stream: stopped after %d chunks, %d characters (%s): %s\n", chunks, n, build, res.FailureReason)
		return exitStopped
	}
	fmt.Fprintf(stderr, "mellea-stream: completed: %d chunks, %d characters (%s)\n", chunks, n, build)
	return exitCompleted
}
