package scripted

import (
	"context"
	"math/bits"
	"sync/atomic"
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
	cfg   config
	words atomic.Pointer[counted] // the words of the last reply delivered whole
}

// counted is a reply and its number of words.
type counted struct {
	text  string
	words int
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
	resp = backend.Response{Model: backend.ModelFor(b, req)}
	// The deltas are consecutive: reply[:sent] is the text delivered.
	sent := 0
	defer func() { // every return carries the text delivered so far
		resp.Text = reply[:sent]
		resp.Usage = usage(req, b.countOutput(resp.Text, sent == len(reply)))
	}()
	i := 0 // deltas delivered
	for ; sent < len(reply); i++ {
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
		return resp, b.fault(ctx, i)
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
func usage(req backend.Request, outputWords int) hooks.Usage {
	var in int
	for _, m := range req.Messages {
		in += countWords(m.Content)
	}
	return hooks.Usage{InputTokens: int64(in), OutputTokens: int64(outputWords), Known: true}
}

// countOutput is countWords(text), counted once for a reply that streams
// whole again and again, as a benchmark's or a load test's does: the
// count of the last reply delivered whole is kept (comparing it costs
// nothing when the text is the same string, as a scripted reply is).
func (b *Backend) countOutput(text string, whole bool) int {
	if c := b.words.Load(); c != nil && c.text == text {
		return c.words
	}
	n := countWords(text)
	if whole {
		b.words.Store(&counted{text: text, words: n})
	}
	return n
}

// countWords is len(strings.Fields(s)) without building the slice. It
// is run over every reply, so it takes ASCII, the common case, eight
// bytes at a time (see asciiWordStarts); other runes are decoded and
// asked of unicode.IsSpace.
func countWords(s string) int {
	n, word := 0, false // word: the byte before i is inside a word
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			if x := load64(s[i:]); x&highBits == 0 { // eight ASCII bytes
				starts, last := asciiWordStarts(x, word)
				n += starts
				word = last
				i += 8
				continue
			}
		}
		in := true
		if c := s[i]; c < utf8.RuneSelf {
			in = !asciiSpace[c]
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			in = !unicode.IsSpace(r)
			i += size
		}
		if in && !word {
			n++
		}
		word = in
	}
	return n
}

const (
	lowBits  = 0x0101010101010101
	highBits = 0x8080808080808080
)

// load64 returns the first eight bytes of s, the first in the lowest
// byte (the compiler makes it one load).
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// asciiWordStarts counts the words that begin in x, eight ASCII bytes
// (the first in the lowest byte), after a byte that was inside a word
// (word) or not, and reports whether x's last byte is inside one. Each
// byte's flag is its high bit; no sum carries into the next byte, since
// every byte is below 0x80.
func asciiWordStarts(x uint64, word bool) (int, bool) {
	// ' ': a byte of x^0x20 is zero; its low seven bits plus 0x7f set
	// the high bit unless they are zero.
	t := x ^ (0x20 * lowBits)
	blank := ^((t&^highBits + 0x7f*lowBits) | t) & highBits
	// '\t' to '\r' (9 to 13): adding 0x80-9 sets the high bit from 9 on,
	// adding 0x80-14 from 14 on.
	control := (x + (0x80-9)*lowBits) &^ (x + (0x80-14)*lowBits) & highBits
	in := ^(blank | control) & highBits // bytes inside a word
	before := in << 8                   // each byte's predecessor
	if word {
		before |= 0x80
	}
	return bits.OnesCount64(in &^ before), in>>63 != 0
}

// asciiSpace marks the ASCII bytes that unicode.IsSpace reports as space.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}
