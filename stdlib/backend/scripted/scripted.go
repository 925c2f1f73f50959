package scripted

import (
	"context"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/stdlib/backend"
)

// Provider is the provider name of the scripted backend.
const Provider = "scripted"

// Backend is the scripted backend. It implements backend.Streamer.
type Backend struct {
	cfg config
}

var _ backend.Streamer = (*Backend)(nil)

// New returns a backend that replies with reply, as the options say.
func New(reply string, opts ...Option) *Backend {
	cfg := newConfig(reply)
	for _, o := range opts {
		o(&cfg)
	}
	return &Backend{cfg: cfg}
}

// Name returns "scripted".
func (b *Backend) Name() string { return Provider }

// Model returns the model name, "scripted-model" unless WithModel says.
func (b *Backend) Model() string { return b.cfg.model }

// Remote returns false: the scripted backend runs in the process.
func (b *Backend) Remote() bool { return false }

// Generate returns the whole reply. It behaves as Stream with a callback
// that accepts every delta, so delays, faults and stalls apply to it too.
func (b *Backend) Generate(ctx context.Context, req backend.Request) (backend.Response, error) {
	return b.Stream(ctx, req, func(string) error { return nil })
}

// Stream slices the reply into deltas and hands them to onDelta, on the
// caller's goroutine, following the backend.Streamer contract. A delta
// counts as delivered once onDelta has been called with it, even if
// onDelta returns an error, so Response.Text includes it.
//
// The Response has FinishReason "stop" when the reply ended normally (none
// after an error) and a known Usage: InputTokens is
// the number of whitespace-separated words in the request's messages,
// OutputTokens the number of words in the text delivered.
func (b *Backend) Stream(ctx context.Context, req backend.Request, onDelta func(delta string) error) (resp backend.Response, err error) {
	reply := b.cfg.reply(req)
	n := deltaCount(reply, b.cfg.delta)
	resp = backend.Response{Model: backend.ModelFor(b, req)}
	// The deltas are consecutive: reply[:sent] is the text delivered.
	sent := 0
	defer func() { // every return carries the text delivered so far
		resp.Text = reply[:sent]
		resp.Usage = usage(req, resp.Text)
	}()
	for i := range n {
		if b.faultAt(i) {
			return resp, b.fault(ctx, i)
		}
		if err := b.pause(ctx, i); err != nil {
			return resp, err
		}
		start := sent
		sent = nextDelta(reply, start, b.cfg.delta)
		if err := onDelta(reply[start:sent]); err != nil {
			return resp, err
		}
	}
	if b.cfg.failAfter >= 0 || b.cfg.stall {
		return resp, b.fault(ctx, n)
	}
	resp.FinishReason = "stop"
	return resp, nil
}

// faultAt reports whether the fault or stall comes before delta i.
func (b *Backend) faultAt(i int) bool {
	if b.cfg.failAfter >= 0 {
		return i == b.cfg.failAfter
	}
	return b.cfg.stall && i == 0
}

// fault is the scripted failure after delivered deltas: a stall or a
// *FaultError.
func (b *Backend) fault(ctx context.Context, delivered int) error {
	if b.cfg.stall {
		<-ctx.Done()
		return &backend.Error{Provider: Provider, Category: hooks.CategoryTimeout, Err: ctx.Err()}
	}
	return &backend.Error{Provider: Provider, Category: b.cfg.category, Err: &FaultError{After: delivered}}
}

// pause waits the configured delay before delta i (none before the first)
// and returns ctx.Err() if the context is done first or already.
func (b *Backend) pause(ctx context.Context, i int) error {
	if i == 0 || b.cfg.delay <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(b.cfg.delay)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return ctx.Err()
	}
}

// usage counts words, the scripted stand-in for tokens.
func usage(req backend.Request, output string) hooks.Usage {
	var in int
	for _, m := range req.Messages {
		in += countWords(m.Content)
	}
	return hooks.Usage{InputTokens: int64(in), OutputTokens: int64(countWords(output)), Known: true}
}

// countWords is len(strings.Fields(s)) without building the slice. It is
// run over every reply, so ASCII, the common case, takes a table lookup
// per byte rather than a rune decode and a unicode.IsSpace call.
func countWords(s string) int {
	n, inWord := 0, false
	for i := 0; i < len(s); {
		var space bool
		if c := s[i]; c < utf8.RuneSelf {
			space = asciiSpace[c]
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if space {
			inWord = false
		} else if !inWord {
			inWord = true
			n++
		}
	}
	return n
}

// asciiSpace marks the ASCII bytes that unicode.IsSpace reports as space.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}
