package main

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hookweave/hookweave/hooks"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// demo runs Main with args and returns its exit status and output.
func demo(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Main(append([]string{"-delay", "0"}, args...), &out, &errOut)
	return code, out.String(), errOut.String()
}

// build is how the summary names this test binary's build: the woven test
// pass (go test -toolexec=hookweave) runs these tests too.
func build() string {
	if hooks.Woven() {
		return "(woven build)"
	}
	return "(plain build)"
}

func lines(s string) []string { return strings.Split(strings.TrimSuffix(s, "\n"), "\n") }

func TestCompletedStreamPrintsOneChunkPerLine(t *testing.T) {
	code, out, errOut := demo(t, "Tell me about Go.")
	if code != exitCompleted {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitCompleted, errOut)
	}
	want := []string{
		"Build-time instrumentation adds telemetry to a program while it is compiled.",
		"The library code carries only annotations, and the build tool weaves the hooks in.",
		"A plain build of the same code links no telemetry at all!",
	}
	if got := lines(out); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("stdout lines:\n%q\nwant\n%q", got, want)
	}
	if !strings.HasPrefix(errOut, "mellea-stream: completed: 3 chunks, 217 characters "+build()) || strings.Count(errOut, "\n") != 1 {
		t.Errorf("stderr = %q, want one summary line", errOut)
	}
}

func TestFailedCheckStopsWithExitThree(t *testing.T) {
	code, out, errOut := demo(t, "-forbid", "ANNOTATIONS")
	if code != exitStopped {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitStopped, errOut)
	}
	if got := lines(out); len(got) != 1 || !strings.HasPrefix(got[0], "Build-time") {
		t.Errorf("stdout = %q, want only the first sentence", out)
	}
	if !strings.Contains(errOut, "stopped after 1 chunks, 76 characters "+build()+`: Streaming validation failed: chunk contains forbidden word "ANNOTATIONS"`) {
		t.Errorf("stderr = %q", errOut)
	}
}

func TestMaxWordsStopsOnFlush(t *testing.T) {
	code, out, errOut := demo(t, "-max-words", "3", "-response", "One two three. One two three four")
	if code != exitStopped {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitStopped, errOut)
	}
	if out != "One two three.\n" {
		t.Errorf("stdout = %q", out)
	}
	if !strings.Contains(errOut, "Streaming validation failed on flush: chunk has 4 words; at most 3 allowed") {
		t.Errorf("stderr = %q", errOut)
	}
}

func TestBackendFailureExitsOne(t *testing.T) {
	code, out, errOut := demo(t, "-delta", "4", "-fail-after", "25")
	if code != exitError {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitError, errOut)
	}
	if got := lines(out); len(got) != 1 {
		t.Errorf("stdout = %q, want the one sentence complete before the fault", out)
	}
	if !strings.Contains(errOut, "error after 1 chunks "+build()+": scripted: server_error") {
		t.Errorf("stderr = %q", errOut)
	}
}

func TestStrategyRetriesWithOneReplyPerAttempt(t *testing.T) {
	code, out, errOut := demo(t, "-forbid", "bad", "-strategy", "repair", "-budget", "3",
		"-response", "One is fine. Two is bad. ", "-response", "Uno is fine. Dos is bad. ", "-response", "Eins is fine. Zwei is fine. ")
	if code != exitCompleted {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitCompleted, errOut)
	}
	if want := "One is fine.\nUno is fine.\nEins is fine.\nZwei is fine.\n"; out != want {
		t.Errorf("stdout = %q, want %q", out, want)
	}
	want := []string{
		"mellea-stream: attempt 2 of 3: the chunks above failed",
		"mellea-stream: attempt 3 of 3: the chunks above failed",
		"mellea-stream: completed: 4 chunks, 28 characters (3 attempts, " + strings.TrimPrefix(build(), "("),
	}
	if got := lines(errOut); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("stderr lines:\n%q\nwant\n%q", got, want)
	}
}

func TestStrategyBudgetRunsOutExitsThree(t *testing.T) {
	code, out, errOut := demo(t, "-forbid", "bad", "-strategy", "rejection", "-budget", "2", "-response", "Fine. So bad. ")
	if code != exitStopped {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitStopped, errOut)
	}
	if out != "Fine.\nFine.\n" {
		t.Errorf("stdout = %q, want the first sentence of each attempt", out)
	}
	if !strings.Contains(errOut, "stopped after 2 chunks, 5 characters (2 attempts, ") || !strings.Contains(errOut, `: Streaming validation failed: chunk contains forbidden word "bad"`) {
		t.Errorf("stderr = %q", errOut)
	}
}

func TestChunkingAndResponseFile(t *testing.T) {
	f := filepath.Join(t.TempDir(), "reply.txt")
	if err := os.WriteFile(f, []byte("alpha  beta\ngamma"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := demo(t, "-chunking", "word", "-response-file", f, "-delta", "3")
	if code != exitCompleted {
		t.Fatalf("exit %d; stderr:\n%s", code, errOut)
	}
	if out != "alpha\nbeta\ngamma\n" {
		t.Errorf("stdout = %q", out)
	}
}

func TestUsageErrorsExitTwo(t *testing.T) {
	for _, tc := range []struct {
		args []string
		msg  string
	}{
		{[]string{"-chunking", "lines"}, `unknown chunking "lines": use one of sentence, word, paragraph, none`},
		{[]string{"-backend", "llama"}, `unknown backend "llama": use scripted or openai`},
		{[]string{"-response", "a", "-response-file", "b"}, "-response and -response-file both give the reply"},
		{[]string{"-delta", "0"}, "-delta 0: a delta has at least one character"},
		{[]string{"-max-words", "-1"}, "-max-words -1: cannot be negative"},
		{[]string{"-strategy", "best-of-n"}, `unknown strategy "best-of-n": use rejection or repair`},
		{[]string{"-strategy", "repair", "-budget", "0"}, "-budget 0: a stream makes at least one attempt"},
		{[]string{"-nope"}, "flag provided but not defined: -nope"},
	} {
		code, out, errOut := demo(t, tc.args...)
		if code != exitUsage || out != "" {
			t.Errorf("%v: exit %d, stdout %q; want %d and nothing", tc.args, code, out, exitUsage)
		}
		if !strings.HasPrefix(errOut, "mellea-stream: "+tc.msg) || !strings.Contains(errOut, "usage: mellea-stream") {
			t.Errorf("%v: stderr = %q", tc.args, errOut)
		}
	}
}

func TestHelpGoesToStdout(t *testing.T) {
	code, out, errOut := demo(t, "-h")
	if code != exitCompleted || errOut != "" || !strings.Contains(out, "Exit status: 0 the stream completed") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

func TestMissingResponseFileIsAnError(t *testing.T) {
	code, _, errOut := demo(t, "-response-file", filepath.Join(t.TempDir(), "absent"))
	if code != exitError || !strings.Contains(errOut, "no such file") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

// TestOpenAIBackendFromFlags streams from a local OpenAI-compatible server
// chosen with -base-url and -model.
func TestOpenAIBackendFromFlags(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v1/chat/completions" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/event-stream")
		for _, d := range []string{"Hello th", "ere. Bye", " now."} {
			fmt.Fprintf(w, "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":%q}}]}\n\n", d)
		}
		fmt.Fprint(w, "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n")
		fmt.Fprint(w, "data: [DONE]\n\n")
	}))
	defer srv.Close()
	t.Setenv("OPENAI_API_KEY", "test-key")
	code, out, errOut := demo(t, "-backend", "openai", "-base-url", srv.URL+"/v1", "-model", "m", "Say hello.")
	if code != exitCompleted {
		t.Fatalf("exit %d; stderr:\n%s", code, errOut)
	}
	if out != "Hello there.\nBye now.\n" {
		t.Errorf("stdout = %q", out)
	}
}

func TestOpenAIBackendNeedsAModel(t *testing.T) {
	t.Setenv("OPENAI_MODEL", "")
	code, _, errOut := demo(t, "-backend", "openai")
	if code != exitError || !strings.Contains(errOut, "mellea-stream: ") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}
