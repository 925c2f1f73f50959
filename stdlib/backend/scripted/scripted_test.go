package scripted_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"go.uber.org/goleak"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/stdlib/backend"
	"github.com/hookweave/hookweave/stdlib/backend/scripted"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func request(prompt string) backend.Request {
	return backend.Request{Messages: []backend.Message{{Role: "user", Content: prompt}}}
}

// collect streams from b and returns the deltas received.
func collect(t *testing.T, ctx context.Context, b *scripted.Backend, req backend.Request) ([]string, backend.Response, error) {
	t.Helper()
	var got []string
	resp, err := b.Stream(ctx, req, func(d string) error {
		got = append(got, d)
		return nil
	})
	return got, resp, err
}

func TestDeltasAreSlicedByRunes(t *testing.T) {
	tests := []struct {
		reply string
		n     int
		want  []string
	}{
		{"hello world", 4, []string{"hell", "o wo", "rld"}},
		{"héllo wörld", 3, []string{"hél", "lo ", "wör", "ld"}},
		{"日本語テキスト", 2, []string{"日本", "語テ", "キス", "ト"}},
		{"a😀b😀", 1, []string{"a", "😀", "b", "😀"}},
		{"abc", 10, []string{"abc"}},
		{"abc", 0, []string{"a", "b", "c"}},
		{"", 4, nil},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%q/%d", tt.reply, tt.n), func(t *testing.T) {
			got, resp, err := collect(t, context.Background(), scripted.New(tt.reply, scripted.WithDelta(tt.n)), request("hi"))
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) || len(got) != len(tt.want) {
				t.Errorf("deltas = %q, want %q", got, tt.want)
			}
			for _, d := range got {
				if !utf8.ValidString(d) {
					t.Errorf("delta %q is not valid UTF-8", d)
				}
			}
			if resp.Text != tt.reply {
				t.Errorf("Text = %q, want %q", resp.Text, tt.reply)
			}
		})
	}
}

func TestDefaultDelta(t *testing.T) {
	reply := strings.Repeat("x", scripted.DefaultDelta*2+1)
	got, _, err := collect(t, context.Background(), scripted.New(reply), request("hi"))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || len(got[0]) != scripted.DefaultDelta {
		t.Errorf("deltas = %q, want two of %d runes and one of 1", got, scripted.DefaultDelta)
	}
}

func TestResponse(t *testing.T) {
	b := scripted.New("The sky is blue.", scripted.WithModel("m1"))
	resp, err := b.Generate(context.Background(), request("what colour is the sky"))
	if err != nil {
		t.Fatal(err)
	}
	want := backend.Response{
		Text:         "The sky is blue.",
		Model:        "m1",
		FinishReason: "stop",
		Usage:        hooks.Usage{InputTokens: 5, OutputTokens: 4, Known: true},
	}
	if resp != want {
		t.Errorf("Generate = %+v, want %+v", resp, want)
	}
	if b.Name() != "scripted" || b.Model() != "m1" || b.Remote() {
		t.Errorf("Name, Model, Remote = %q, %q, %v", b.Name(), b.Model(), b.Remote())
	}
	if scripted.New("x").Model() != "scripted-model" {
		t.Errorf("default model = %q", scripted.New("x").Model())
	}
}

func TestDelayHonoursCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	b := scripted.New("abcdef", scripted.WithDelta(2), scripted.WithDelay(time.Hour))
	done := make(chan struct{})
	var resp backend.Response
	var err error
	go func() {
		defer close(done)
		resp, err = b.Stream(ctx, request("hi"), func(string) error {
			cancel() // the second delta waits an hour unless the cancel ends the pause
			return nil
		})
	}()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("Stream did not return after cancel")
	}
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if resp.Text != "ab" {
		t.Errorf("Text = %q, want the delta delivered, %q", resp.Text, "ab")
	}
}

func TestDelayDeliversEverything(t *testing.T) {
	b := scripted.New("abcdef", scripted.WithDelta(2), scripted.WithDelay(time.Millisecond))
	got, _, err := collect(t, context.Background(), b, request("hi"))
	if err != nil || strings.Join(got, "") != "abcdef" {
		t.Errorf("deltas = %q, err = %v", got, err)
	}
}

func TestCancelledBeforeStart(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	got, resp, err := collect(t, ctx, scripted.New("abc"), request("hi"))
	if !errors.Is(err, context.Canceled) || len(got) != 0 || resp.Text != "" {
		t.Errorf("deltas = %q, Text = %q, err = %v; want none and context.Canceled", got, resp.Text, err)
	}
}

func TestFailAfter(t *testing.T) {
	tests := []struct {
		name     string
		opts     []scripted.Option
		text     string
		category string
	}{
		{"default category", []scripted.Option{scripted.WithFailAfter(2)}, "ab", hooks.CategoryServer},
		{"rate limit", []scripted.Option{scripted.WithFailAfter(1), scripted.WithFailCategory(hooks.CategoryRateLimit)}, "a", hooks.CategoryRateLimit},
		{"at once", []scripted.Option{scripted.WithFailAfter(0)}, "", hooks.CategoryServer},
		{"past the end", []scripted.Option{scripted.WithFailAfter(99)}, "abcd", hooks.CategoryServer},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := scripted.New("abcd", append(tt.opts, scripted.WithDelta(1))...)
			got, resp, err := collect(t, context.Background(), b, request("hi"))
			var be *backend.Error
			if !errors.As(err, &be) {
				t.Fatalf("err = %v, want a *backend.Error", err)
			}
			if be.Category != tt.category || hooks.ErrorCategory(err) != tt.category || be.Provider != "scripted" {
				t.Errorf("error %v: category %q, want %q", err, be.Category, tt.category)
			}
			var fe *scripted.FaultError
			if !errors.As(err, &fe) || fe.After != len(got) {
				t.Errorf("err = %v, want a *FaultError after %d deltas", err, len(got))
			}
			if resp.FinishReason != "" {
				t.Errorf("FinishReason = %q after a fault, want none", resp.FinishReason)
			}
			if resp.Text != tt.text || strings.Join(got, "") != tt.text {
				t.Errorf("Text = %q, deltas = %q, want %q", resp.Text, got, tt.text)
			}
		})
	}
}

func TestGenerateFails(t *testing.T) {
	_, err := scripted.New("abc", scripted.WithFailAfter(1)).Generate(context.Background(), request("hi"))
	if hooks.ErrorCategory(err) != hooks.CategoryServer {
		t.Errorf("err = %v, want a server_error", err)
	}
}

func TestStall(t *testing.T) {
	tests := []struct {
		name string
		opts []scripted.Option
		text string
	}{
		{"from the start", []scripted.Option{scripted.WithStall()}, ""},
		{"after two deltas", []scripted.Option{scripted.WithStall(), scripted.WithFailAfter(2)}, "ab"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), time.Second) // far beyond two in-process deltas
			defer cancel()
			b := scripted.New("abcd", append(tt.opts, scripted.WithDelta(1))...)
			_, resp, err := collect(t, ctx, b, request("hi"))
			if hooks.ErrorCategory(err) != hooks.CategoryTimeout || !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("err = %v, want a timeout wrapping context.DeadlineExceeded", err)
			}
			if resp.Text != tt.text {
				t.Errorf("Text = %q, want %q", resp.Text, tt.text)
			}
		})
	}
}

func TestStallEndsOnCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	b := scripted.New("abcd", scripted.WithStall(), scripted.WithFailAfter(1), scripted.WithDelta(1))
	resp, err := b.Stream(ctx, request("hi"), func(string) error {
		cancel()
		return nil
	})
	if hooks.ErrorCategory(err) != hooks.CategoryTimeout || !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want a timeout wrapping context.Canceled", err)
	}
	if resp.Text != "a" {
		t.Errorf("Text = %q, want %q", resp.Text, "a")
	}
}

func TestOnDeltaErrorStops(t *testing.T) {
	stop := errors.New("stop here")
	calls := 0
	b := scripted.New("abcdef", scripted.WithDelta(1))
	resp, err := b.Stream(context.Background(), request("hi"), func(string) error {
		calls++
		if calls == 2 {
			return stop
		}
		return nil
	})
	if err != stop {
		t.Errorf("err = %v, want the callback's error", err)
	}
	if calls != 2 {
		t.Errorf("onDelta called %d times, want 2", calls)
	}
	if resp.Text != "ab" {
		t.Errorf("Text = %q, want every delta delivered, %q", resp.Text, "ab")
	}
}

func TestReplyFunc(t *testing.T) {
	judge := scripted.New("", scripted.WithReplyFunc(func(req backend.Request) string {
		if strings.Contains(req.Messages[len(req.Messages)-1].Content, "blue") {
			return "yes"
		}
		return "no"
	}))
	for prompt, want := range map[string]string{"is the sky blue": "yes", "is the sky green": "no"} {
		resp, err := judge.Generate(context.Background(), request(prompt))
		if err != nil || resp.Text != want {
			t.Errorf("Generate(%q) = %q, %v; want %q", prompt, resp.Text, err, want)
		}
	}
}

func TestConcurrentStreams(t *testing.T) {
	b := scripted.New("", scripted.WithDelta(1), scripted.WithReplyFunc(func(req backend.Request) string {
		return "reply to " + req.Messages[0].Content
	}))
	var wg sync.WaitGroup
	errs := make(chan error, 32)
	for i := range 32 {
		wg.Go(func() {
			prompt := fmt.Sprint("prompt ", i)
			got, resp, err := collect(t, context.Background(), b, request(prompt))
			want := "reply to " + prompt
			if err != nil || resp.Text != want || strings.Join(got, "") != want {
				errs <- fmt.Errorf("stream %d: Text = %q, err = %v", i, resp.Text, err)
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestRepliesAnswerCallsInTurn(t *testing.T) {
	b := scripted.New("unused", scripted.WithReplies("first", "second"))
	var got []string
	for range 3 {
		text, _, err := collect(t, context.Background(), b, request("same prompt"))
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, strings.Join(text, ""))
	}
	if want := []string{"first", "second", "second"}; !slices.Equal(got, want) {
		t.Errorf("replies %q, want %q", got, want)
	}
}

func TestNoRepliesKeepTheReply(t *testing.T) {
	b := scripted.New("the reply", scripted.WithReplies())
	resp, err := b.Generate(context.Background(), request("x"))
	if err != nil || resp.Text != "the reply" {
		t.Errorf("Generate = %q, %v; want the reply given to New", resp.Text, err)
	}
}

// TestStream_OutputTokensOfEachCall checks that every call counts the
// words it delivered, when the same reply streams whole again, when a
// call stops part way, and when the replies change from call to call.
func TestStream_OutputTokensOfEachCall(t *testing.T) {
	b := scripted.New("", scripted.WithReplies("one two three", "one two three", "four five", "four five"), scripted.WithDelta(4))
	stopAfter := func(n int) func(string) error {
		return func(string) error {
			if n--; n < 0 {
				return errors.New("enough")
			}
			return nil
		}
	}
	for i, c := range []struct {
		onDelta func(string) error
		want    int64
	}{
		{stopAfter(100), 3},
		{stopAfter(1), 2}, // "one two thr" delivered: "one ", "two "
		{stopAfter(100), 2},
		{stopAfter(100), 2},
	} {
		resp, _ := b.Stream(context.Background(), backend.Request{}, c.onDelta)
		if resp.Usage.OutputTokens != c.want {
			t.Errorf("call %d: %q counted %d output tokens, want %d", i, resp.Text, resp.Usage.OutputTokens, c.want)
		}
	}
}
