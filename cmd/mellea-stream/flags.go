package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/hookweave/hookweave/stdlib/chunking"
	"github.com/hookweave/hookweave/stdlib/session"
	"github.com/hookweave/hookweave/stdlib/streaming"
)

// defaultPrompt is asked when no prompt is given on the command line.
const defaultPrompt = "Explain build-time instrumentation in three sentences."

// defaultReply is the scripted backend's reply unless -response or
// -response-file says otherwise.
const defaultReply = "Build-time instrumentation adds telemetry to a program while it is compiled. " +
	"The library code carries only annotations, and the build tool weaves the hooks in. " +
	"A plain build of the same code links no telemetry at all!"

// options are the demo's command line.
type options struct {
	backend      string
	responses    []string // one reply per attempt, the last repeated
	responseFile string
	delta        int
	delay        time.Duration
	failAfter    int
	chunking     string
	chunker      chunking.Chunker // the strategy -chunking names
	maxWords     int
	forbid       []string
	strategyName string
	budget       int
	strategy     streaming.Strategy // the strategy -strategy names; nil for none
	model        string
	baseURL      string
	prompt       string
}

// errUsage marks a command line that cannot run; the message was printed.
var errUsage = errors.New("usage")

// parseFlags reads args into options. It returns errUsage after printing
// the problem and the usage to stderr, or flag.ErrHelp after printing the
// usage to stdout for -h.
func parseFlags(args []string, stdout, stderr io.Writer) (*options, error) {
	o := &options{}
	fs := flag.NewFlagSet("mellea-stream", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&o.backend, "backend", "scripted", "model backend: scripted (embedded, deterministic) or openai")
	fs.Func("response", "the scripted `reply` (default: a built-in three-sentence reply); repeated, one reply per attempt, the last repeated", func(s string) error {
		o.responses = append(o.responses, s)
		return nil
	})
	fs.StringVar(&o.responseFile, "response-file", "", "read the scripted reply from `file`")
	fs.IntVar(&o.delta, "delta", 8, "characters per scripted delta")
	fs.DurationVar(&o.delay, "delay", 25*time.Millisecond, "pause between scripted deltas")
	fs.IntVar(&o.failAfter, "fail-after", 0, "make the scripted backend fail after `N` deltas (0: never)")
	fs.StringVar(&o.chunking, "chunking", "sentence", "how the reply is cut: sentence, word, paragraph or none (each delta as it comes)")
	fs.IntVar(&o.maxWords, "max-words", 0, "require at most `N` words per chunk (0: no limit)")
	fs.Func("forbid", "forbid `WORD` in any chunk (repeatable)", func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New("empty word")
		}
		o.forbid = append(o.forbid, s)
		return nil
	})
	fs.StringVar(&o.strategyName, "strategy", "", "retry a failed attempt: rejection (ask again) or repair (ask again with the failure); default: one attempt")
	fs.IntVar(&o.budget, "budget", session.DefaultBudget, "attempts the -strategy may make, the first included")
	fs.StringVar(&o.model, "model", "", "model name (openai: required, or OPENAI_MODEL; scripted: reported name)")
	fs.StringVar(&o.baseURL, "base-url", "", "OpenAI-compatible API root, such as http://localhost:11434/v1 (default: OPENAI_BASE_URL or OpenAI's)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			usage(stdout, fs)
			return nil, flag.ErrHelp
		}
		return nil, usageError(stderr, fs, err.Error())
	}
	o.prompt = strings.Join(fs.Args(), " ")
	if o.prompt == "" {
		o.prompt = defaultPrompt
	}
	if msg := o.check(); msg != "" {
		return nil, usageError(stderr, fs, msg)
	}
	return o, nil
}

// check returns what is wrong with a parsed command line, or "", and
// resolves the chunking strategy.
func (o *options) check() string {
	switch {
	case o.backend != "scripted" && o.backend != "openai":
		return fmt.Sprintf("unknown backend %q: use scripted or openai", o.backend)
	case len(o.responses) > 0 && o.responseFile != "":
		return "-response and -response-file both give the reply: use one"
	case o.delta < 1:
		return fmt.Sprintf("-delta %d: a delta has at least one character", o.delta)
	case o.delay < 0:
		return fmt.Sprintf("-delay %v: the pause cannot be negative", o.delay)
	case o.failAfter < 0:
		return fmt.Sprintf("-fail-after %d: cannot be negative", o.failAfter)
	case o.maxWords < 0:
		return fmt.Sprintf("-max-words %d: cannot be negative", o.maxWords)
	case o.budget < 1:
		return fmt.Sprintf("-budget %d: a stream makes at least one attempt", o.budget)
	}
	switch o.strategyName {
	case "":
	case "rejection":
		o.strategy = streaming.RejectionSampling(o.budget)
	case "repair":
		o.strategy = streaming.RepairTemplate(o.budget)
	default:
		return fmt.Sprintf("unknown strategy %q: use rejection or repair", o.strategyName)
	}
	ch, err := chunking.ByName(o.chunking)
	if err != nil {
		return err.Error()
	}
	o.chunker = ch
	return ""
}

func usageError(stderr io.Writer, fs *flag.FlagSet, msg string) error {
	fmt.Fprintf(stderr, "mellea-stream: %s\n\n", msg)
	usage(stderr, fs)
	return errUsage
}

func usage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprint(w, `usage: mellea-stream [flags] [prompt]

Streams a model's reply, cuts it into chunks, checks every chunk against the
requirements given by flags, and stops at the first failed check; with
-strategy, it then asks again, within -budget attempts. Delivered chunks go
to standard output, one a line, as they arrive; a line on standard error
marks each new attempt, and a one-line summary ends the run there.

Exit status: 0 the stream completed, 1 an error, 2 a usage error,
3 a failed check stopped the stream (with -strategy: every attempt failed).

Flags:
`)
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
	fmt.Fprint(w, `
Built with go build -toolexec=hookweave, the run is traced: set
MELLEA_TRACES_ENABLED=1 MELLEA_TRACES_CONSOLE=1 to see the trace on standard
error. The openai backend reads its key from OPENAI_API_KEY.
`)
}

// replies returns the scripted backend's replies, one per attempt.
func (o *options) replies() ([]string, error) {
	switch {
	case o.responseFile != "":
		b, err := os.ReadFile(o.responseFile)
		if err != nil {
			return nil, err
		}
		return []string{string(b)}, nil
	case len(o.responses) > 0:
		return o.responses, nil
	}
	return []string{defaultReply}, nil
}
