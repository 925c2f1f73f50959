package streaming_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/hooks/hookstest"
	"github.com/hookweave/hookweave/stdlib/backend"
	"github.com/hookweave/hookweave/stdlib/backend/scripted"
	"github.com/hookweave/hookweave/stdlib/requirement"
	"github.com/hookweave/hookweave/stdlib/streaming"
)

// The replies of a stream retried three times: the first two fail a
// forbid{"bad"} check on their second sentence, the third passes.
var threeAttempts = []string{
	"One is fine. Two is bad. Three.",
	"Uno is fine. Dos is bad. Tres.",
	"Eins is fine. Zwei is fine.",
}

// retried streams threeAttempts with strategy s and forbid{"bad"}.
func retried(s streaming.Strategy, opts ...streaming.Option) *streaming.Stream {
	b := scripted.New("", scripted.WithReplies(threeAttempts...), scripted.WithDelta(3))
	opts = append([]streaming.Option{streaming.WithRequirements(forbid{"bad"}), streaming.WithStrategy(s)}, opts...)
	return streaming.New(context.Background(), b, request("Count."), opts...)
}

// replies records the requests a backend got and answers them in turn.
type replies struct {
	mu   sync.Mutex
	reqs []backend.Request
	text []string
}

func (r *replies) reply(req backend.Request) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.reqs = append(r.reqs, req)
	return r.text[min(len(r.reqs), len(r.text))-1]
}

func (r *replies) requests() []backend.Request {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.reqs)
}

func TestRetryEventOrderAcrossAttempts(t *testing.T) {
	rec := hookstest.Record(t)
	hookstest.Drain(retried(streaming.RejectionSampling(3)).Chunks())
	want := "quick_check chunk quick_check retry " +
		"quick_check chunk quick_check retry " +
		"quick_check chunk quick_check chunk streaming_done full_validation completed"
	if got := order(rec); got != want {
		t.Errorf("events\n%s\nwant\n%s", got, want)
	}
	var retries []hooks.RetryEvent
	for _, ev := range rec.Events() {
		if r, ok := ev.(hooks.RetryEvent); ok {
			retries = append(retries, r)
		}
	}
	wantRetries := []hooks.RetryEvent{
		{Attempt: 2, Reason: "Streaming validation failed: mentions bad"},
		{Attempt: 3, Reason: "Streaming validation failed: mentions bad"},
	}
	if !slices.Equal(retries, wantRetries) {
		t.Errorf("retry events %+v, want %+v", retries, wantRetries)
	}
	if c := onceCompleted(t, rec); !c.Success || c.AttemptsUsed != 3 || c.FullText != threeAttempts[2] {
		t.Errorf("completed %+v", c)
	}
}

func TestRetryEveryEventCarriesItsAttemptAndChunkIndexesRestart(t *testing.T) {
	rec := hookstest.Record(t)
	hookstest.Drain(retried(streaming.RejectionSampling(3)).Chunks())
	var got []string
	for _, ev := range rec.Events() {
		switch e := ev.(type) {
		case hooks.QuickCheckEvent:
			got = append(got, fmt.Sprintf("q%d.%d", e.Attempt, e.ChunkIndex))
		case hooks.ChunkEvent:
			got = append(got, fmt.Sprintf("c%d.%d", e.Attempt, e.ChunkIndex))
		case hooks.StreamingDoneEvent:
			got = append(got, fmt.Sprintf("done%d", e.Attempt))
		case hooks.FullValidationEvent:
			got = append(got, fmt.Sprintf("full%d", e.Attempt))
		}
	}
	want := []string{"q1.0", "c1.0", "q1.1", "q2.0", "c2.0", "q2.1", "q3.0", "c3.0", "q3.1", "c3.1", "done3", "full3"}
	if !slices.Equal(got, want) {
		t.Errorf("events by attempt.index %q, want %q", got, want)
	}
}

func TestRetryChunksGoOnFlatAcrossAttempts(t *testing.T) {
	s := retried(streaming.RejectionSampling(3))
	var chunks []string
	var attempts []int
	for c, err := range s.Chunks() {
		if err != nil {
			t.Fatal(err)
		}
		chunks = append(chunks, c)
		attempts = append(attempts, s.Attempt())
	}
	if want := []string{"One is fine.", "Uno is fine.", "Eins is fine.", "Zwei is fine."}; !slices.Equal(chunks, want) {
		t.Errorf("chunks %q, want %q", chunks, want)
	}
	if want := []int{1, 2, 3, 3}; !slices.Equal(attempts, want) {
		t.Errorf("Attempt() in the loop %v, want %v", attempts, want)
	}
	res := s.Result()
	if !res.Completed || res.FailureReason != "" || res.FullText != threeAttempts[2] || len(res.Attempts) != 3 {
		t.Fatalf("result %+v", res)
	}
	want := []streaming.Attempt{
		{Number: 1, FullText: "One is fine.", FailureReason: "Streaming validation failed: mentions bad",
			Failures: []hooks.CheckResult{{Requirement: "forbid", Outcome: hooks.Fail, Reason: "mentions bad"}}},
		{Number: 2, FullText: "Uno is fine.", FailureReason: "Streaming validation failed: mentions bad",
			Failures: []hooks.CheckResult{{Requirement: "forbid", Outcome: hooks.Fail, Reason: "mentions bad"}}},
		{Number: 3, FullText: threeAttempts[2], Completed: true, Selected: true, ValidationPassed: true,
			Validations: []hooks.CheckResult{{Requirement: "forbid", Outcome: hooks.Pass}}},
	}
	for i, a := range res.Attempts {
		if fmt.Sprintf("%+v", a) != fmt.Sprintf("%+v", want[i]) {
			t.Errorf("attempt %d\n%+v\nwant\n%+v", i+1, a, want[i])
		}
	}
}

func TestRetryBudgetRunsOut(t *testing.T) {
	rec := hookstest.Record(t)
	s := retried(streaming.RejectionSampling(2))
	chunks, errs := hookstest.Drain(s.Chunks())
	if len(errs) != 0 || !slices.Equal(chunks, []string{"One is fine.", "Uno is fine."}) {
		t.Fatalf("chunks %q, errors %v", chunks, errs)
	}
	if want := "quick_check chunk quick_check retry quick_check chunk quick_check completed"; order(rec) != want {
		t.Errorf("events %q, want %q", order(rec), want)
	}
	c := onceCompleted(t, rec)
	res := s.Result()
	// Rejection sampling reports the first attempt when all failed.
	if c.Success || c.AttemptsUsed != 2 || c.FullText != "One is fine." || res.Completed ||
		res.FullText != "One is fine." || res.FailureReason != "Streaming validation failed: mentions bad" {
		t.Errorf("completed %+v, result %+v", c, res)
	}
	if len(res.Attempts) != 2 || !res.Attempts[0].Selected || res.Attempts[1].Selected {
		t.Errorf("attempts %+v, want the first selected", res.Attempts)
	}
}

func TestRetryBudgetBelowOneMeansOneAttempt(t *testing.T) {
	s := retried(streaming.RejectionSampling(0))
	hookstest.Drain(s.Chunks())
	if res := s.Result(); len(res.Attempts) != 1 || !res.Attempts[0].Selected {
		t.Errorf("attempts %+v, want one", res.Attempts)
	}
}

// needs passes every chunk and fails a full text without its word.
type needs struct{ word string }

func (n needs) Description() string { return "says " + n.word }
func (n needs) Check(context.Context, backend.Backend, string) (requirement.Result, error) {
	return requirement.Result{Outcome: hooks.Unknown}, nil
}
func (n needs) Validate(_ context.Context, _ backend.Backend, text string) (requirement.Result, error) {
	if strings.Contains(text, n.word) {
		return requirement.Result{Outcome: hooks.Pass}, nil
	}
	return requirement.Result{Outcome: hooks.Fail, Reason: "does not say " + n.word}, nil
}

func TestRetryAfterFailedFullValidation(t *testing.T) {
	rec := hookstest.Record(t)
	b := scripted.New("", scripted.WithReplies("Hello.", "Hello, Go."))
	s := streaming.New(context.Background(), b, request("Greet."),
		streaming.WithRequirements(needs{"Go"}), streaming.WithStrategy(streaming.RejectionSampling(3)))
	chunks, _ := hookstest.Drain(s.Chunks())
	if !slices.Equal(chunks, []string{"Hello.", "Hello, Go."}) {
		t.Errorf("chunks %q", chunks)
	}
	want := "quick_check chunk streaming_done full_validation retry quick_check chunk streaming_done full_validation completed"
	if order(rec) != want {
		t.Errorf("events %q, want %q", order(rec), want)
	}
	res := s.Result()
	if !res.Completed || res.FailureReason != "" || res.FullText != "Hello, Go." || !res.ValidationPassed || len(res.Attempts) != 2 {
		t.Fatalf("result %+v", res)
	}
	if a := res.Attempts[0]; !a.Completed || a.ValidationPassed || a.FailureReason != "Full validation failed: does not say Go" || a.FullText != "Hello." {
		t.Errorf("first attempt %+v", a)
	}
}

// A strategy whose budget runs out on failed full validations leaves the
// selected attempt completed but not a success.
func TestRetryBudgetRunsOutOnFailedFullValidations(t *testing.T) {
	rec := hookstest.Record(t)
	s := streaming.New(context.Background(), scripted.New("Hello."), request("Greet."),
		streaming.WithRequirements(needs{"Go"}), streaming.WithStrategy(streaming.RejectionSampling(2)))
	hookstest.Drain(s.Chunks())
	res := s.Result()
	if !res.Completed || res.Succeeded() || res.FailureReason != "Full validation failed: does not say Go" || len(res.Attempts) != 2 {
		t.Errorf("result %+v: want completed, not succeeded", res)
	}
	if c := onceCompleted(t, rec); c.Success || c.AttemptsUsed != 2 {
		t.Errorf("completed %+v", c)
	}
}

func TestNoStrategyFailedFullValidationStaysCompleted(t *testing.T) {
	rec := hookstest.Record(t)
	s := streaming.New(context.Background(), scripted.New("Hello."), request("Greet."), streaming.WithRequirements(needs{"Go"}))
	hookstest.Drain(s.Chunks())
	res := s.Result()
	if !res.Completed || !res.Succeeded() || res.ValidationPassed || res.FailureReason != "" || len(res.Attempts) != 1 {
		t.Errorf("result %+v", res)
	}
	if c := onceCompleted(t, rec); !c.Success || c.AttemptsUsed != 1 {
		t.Errorf("completed %+v", c)
	}
}

func TestRejectionSamplingSendsTheOriginalRequest(t *testing.T) {
	r := &replies{text: threeAttempts}
	b := scripted.New("", scripted.WithReplyFunc(r.reply))
	req := request("Count.")
	hookstest.Drain(streaming.New(context.Background(), b, req, streaming.WithRequirements(forbid{"bad"}), streaming.WithStrategy(streaming.RejectionSampling(3))).Chunks())
	got := r.requests()
	if len(got) != 3 {
		t.Fatalf("%d requests, want 3", len(got))
	}
	for i, g := range got {
		if !slices.Equal(g.Messages, req.Messages) {
			t.Errorf("request %d messages %+v, want the original %+v", i+1, g.Messages, req.Messages)
		}
	}
}

func TestRepairTemplateRepairsTheRequest(t *testing.T) {
	r := &replies{text: []string{"Fine. Bad and worse.", "All good."}}
	b := scripted.New("", scripted.WithReplyFunc(r.reply))
	req := request("Write.")
	s := streaming.New(context.Background(), b, req,
		streaming.WithRequirements(forbid{"Bad"}, forbid{"worse"}), streaming.WithStrategy(streaming.RepairTemplate(2)))
	hookstest.Drain(s.Chunks())
	got := r.requests()
	if len(got) != 2 {
		t.Fatalf("%d requests, want 2", len(got))
	}
	want := []backend.Message{
		req.Messages[0],
		{Role: "assistant", Content: "Fine."},
		{Role: "user", Content: "Your previous reply did not meet these requirements:\n- mentions Bad\n- mentions worse\nWrite a new reply that meets every one of them."},
	}
	if !slices.Equal(got[1].Messages, want) {
		t.Errorf("repair messages\n%+v\nwant\n%+v", got[1].Messages, want)
	}
	if !slices.Equal(req.Messages, got[0].Messages) || len(req.Messages) != 1 {
		t.Errorf("the original request changed: %+v", req.Messages)
	}
	if res := s.Result(); !res.Completed || res.FullText != "All good." {
		t.Errorf("result %+v", res)
	}
}

func TestRepairTemplateWithNothingDeliveredAddsNoAssistantMessage(t *testing.T) {
	r := &replies{text: []string{"Bad start.", "Good."}}
	b := scripted.New("", scripted.WithReplyFunc(r.reply))
	hookstest.Drain(streaming.New(context.Background(), b, request("Write."),
		streaming.WithRequirements(forbid{"Bad"}), streaming.WithStrategy(streaming.RepairTemplate(2))).Chunks())
	got := r.requests()
	if len(got) != 2 || len(got[1].Messages) != 2 || got[1].Messages[1].Role != "user" ||
		!strings.Contains(got[1].Messages[1].Content, "- mentions Bad\n") {
		t.Errorf("requests %+v", got)
	}
}

// tally fails once the chunks it checked hold more than limit words; it is
// a Cloner, so each attempt counts afresh.
type tally struct{ limit, seen int }

func (c *tally) Description() string { return "short" }
func (c *tally) Check(_ context.Context, _ backend.Backend, chunk string) (requirement.Result, error) {
	c.seen += len(strings.Fields(chunk))
	if c.seen > c.limit {
		return requirement.Result{Outcome: hooks.Fail, Reason: "too long"}, nil
	}
	return requirement.Result{Outcome: hooks.Pass}, nil
}
func (c *tally) Validate(context.Context, backend.Backend, string) (requirement.Result, error) {
	return requirement.Result{Outcome: hooks.Pass}, nil
}
func (c *tally) Clone() requirement.Requirement { d := *c; return &d }

func TestRetryStartsOnFreshRequirementCopies(t *testing.T) {
	caller := &tally{limit: 4}
	b := scripted.New("", scripted.WithReplies("One two three. Four five six.", "Seven eight nine."))
	s := streaming.New(context.Background(), b, request("x"),
		streaming.WithRequirements(caller), streaming.WithStrategy(streaming.RejectionSampling(2)))
	hookstest.Drain(s.Chunks())
	// The second attempt passes only if its copy counts from zero.
	if res := s.Result(); !res.Completed || res.FullText != "Seven eight nine." {
		t.Errorf("result %+v", res)
	}
	if caller.seen != 0 {
		t.Errorf("the caller's requirement was mutated: seen %d", caller.seen)
	}
}

func TestRetryStartsOnAFreshChunker(t *testing.T) {
	// The first attempt fails with a fragment withheld; the second must
	// not see it.
	b := scripted.New("", scripted.WithReplies("Bad one. withheld", "Good."))
	s := streaming.New(context.Background(), b, request("x"),
		streaming.WithRequirements(forbid{"Bad"}), streaming.WithStrategy(streaming.RejectionSampling(2)))
	chunks, _ := hookstest.Drain(s.Chunks())
	if !slices.Equal(chunks, []string{"Good."}) || s.Result().FullText != "Good." {
		t.Errorf("chunks %q, result %+v", chunks, s.Result())
	}
}

func TestRetryDoesNotRetryAnError(t *testing.T) {
	rec := hookstest.Record(t)
	b := scripted.New(threeSentences, scripted.WithFailAfter(1))
	s := streaming.New(context.Background(), b, request("x"), streaming.WithStrategy(streaming.RejectionSampling(3)))
	_, errs := hookstest.Drain(s.Chunks())
	if len(errs) != 1 {
		t.Fatalf("errors %v, want one", errs)
	}
	if want := "error completed"; order(rec) != want {
		t.Errorf("events %q, want %q", order(rec), want)
	}
	if c := onceCompleted(t, rec); c.Success || c.AttemptsUsed != 1 {
		t.Errorf("completed %+v", c)
	}
}

// lastOfAll is a custom strategy whose Select index is given.
type lastOfAll struct{ pick int }

func (lastOfAll) Name() string { return "LastOfAll" }
func (lastOfAll) Budget() int  { return 2 }
func (lastOfAll) Repair(req backend.Request, _ []streaming.Attempt) backend.Request {
	return req
}
func (l lastOfAll) Select([]streaming.Attempt) int { return l.pick }

func TestRetryStrategySelectsTheReportedAttempt(t *testing.T) {
	s := retried(lastOfAll{pick: 1})
	hookstest.Drain(s.Chunks())
	res := s.Result()
	if res.FullText != "Uno is fine." || len(res.Attempts) != 2 || res.Attempts[0].Selected || !res.Attempts[1].Selected {
		t.Errorf("result %+v", res)
	}
}

func TestRetryStrategySelectingOutOfRangeIsAnError(t *testing.T) {
	rec := hookstest.Record(t)
	s := retried(lastOfAll{pick: 2})
	_, errs := hookstest.Drain(s.Chunks())
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "strategy LastOfAll selected attempt index 2 of 2 attempts") {
		t.Fatalf("errors %v", errs)
	}
	if c := onceCompleted(t, rec); c.Success || c.AttemptsUsed != 2 {
		t.Errorf("completed %+v", c)
	}
}

// In a later attempt, a break, a Close or a cancelled context ends the
// whole stream once, with no further attempt.
func TestRetryExactlyOneEndInALaterAttempt(t *testing.T) {
	for _, tc := range []struct {
		name string
		stop func(s *streaming.Stream, cancel context.CancelFunc) bool // true: break
	}{
		{"break", func(*streaming.Stream, context.CancelFunc) bool { return true }},
		{"close", func(s *streaming.Stream, _ context.CancelFunc) bool { s.Close(); return false }},
		{"cancel", func(_ *streaming.Stream, cancel context.CancelFunc) bool { cancel(); return false }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := hookstest.Record(t)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			b := scripted.New("", scripted.WithReplies(threeAttempts...), scripted.WithDelta(1))
			s := streaming.New(ctx, b, request("x"), streaming.WithRequirements(forbid{"bad"}), streaming.WithStrategy(streaming.RejectionSampling(3)))
			var chunks []string
			for c, err := range s.Chunks() {
				if err != nil {
					continue
				}
				chunks = append(chunks, c)
				if s.Attempt() == 2 && tc.stop(s, cancel) {
					break
				}
			}
			s.Close()
			c := onceCompleted(t, rec)
			res := s.Result()
			if !slices.Equal(chunks, []string{"One is fine.", "Uno is fine."}) || c.Success || c.AttemptsUsed != 2 || !res.Stopped {
				t.Errorf("chunks %q, completed %+v, result %+v", chunks, c, res)
			}
			if len(res.Attempts) != 2 || !res.Attempts[1].Selected || res.Attempts[1].FullText != "Uno is fine." {
				t.Errorf("attempts %+v, want the stopped second selected", res.Attempts)
			}
		})
	}
}

func TestRetryOneGenerationLifecyclePerAttempt(t *testing.T) {
	if !hooks.Woven() {
		t.Skip("the generation lifecycle fires only in a woven build")
	}
	rec := hookstest.Record(t)
	hookstest.Drain(retried(streaming.RejectionSampling(3)).Chunks())
	if pre, post, failed := rec.Count(hooks.GenerationPreCall), rec.Count(hooks.GenerationPostCall), rec.Count(hooks.GenerationError); pre != 3 || post != 1 || failed != 2 {
		t.Fatalf("generation_pre_call %d, post_call %d, error %d; want 3, 1, 2", pre, post, failed)
	}
	for _, p := range rec.Payloads() {
		if g, ok := p.(*hooks.GenerationPayload); ok && g.Hook == hooks.GenerationError && !errors.Is(g.Err, hooks.ErrCancelled) {
			t.Errorf("a failed attempt's generation ended with %v, want a cancellation", g.Err)
		}
		if e, ok := p.(*hooks.StreamingEndPayload); ok && (e.NumGenerateLogs != 3 || !e.Success) {
			t.Errorf("streaming_end %+v, want 3 generations and success", e)
		}
	}
}

func TestRetryCloseBetweenAttemptsStartsNoOther(t *testing.T) {
	rec := hookstest.Record(t)
	var s *streaming.Stream
	s = retried(streaming.RejectionSampling(3), streaming.WithEvents(func(ev hooks.Event) {
		if q, ok := ev.(hooks.QuickCheckEvent); ok && !q.Passed {
			s.Close() // the attempt has failed; the next must not start
		}
	}))
	chunks, errs := hookstest.Drain(s.Chunks())
	if len(errs) != 0 || !slices.Equal(chunks, []string{"One is fine."}) {
		t.Errorf("chunks %q, errors %v", chunks, errs)
	}
	if want := "quick_check chunk quick_check completed"; order(rec) != want {
		t.Errorf("events %q, want %q", order(rec), want)
	}
	c := onceCompleted(t, rec)
	if res := s.Result(); !res.Stopped || c.AttemptsUsed != 1 || len(res.Attempts) != 1 || !res.Attempts[0].Selected {
		t.Errorf("completed %+v, result %+v", c, res)
	}
}

// The consumer's context ending as an attempt fails (a client going away
// from a service) ends the stream there: no retry is announced and no other
// attempt, with its generation, starts.
func TestRetryCancelledContextBetweenAttemptsStartsNoOther(t *testing.T) {
	rec := hookstest.Record(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	b := scripted.New("", scripted.WithReplies(threeAttempts...), scripted.WithDelta(3))
	s := streaming.New(ctx, b, request("Count."), streaming.WithRequirements(forbid{"bad"}),
		streaming.WithStrategy(streaming.RejectionSampling(3)),
		streaming.WithEvents(func(ev hooks.Event) {
			if q, ok := ev.(hooks.QuickCheckEvent); ok && !q.Passed {
				cancel() // the attempt has failed; the next must not start
			}
		}))
	chunks, errs := hookstest.Drain(s.Chunks())
	if !slices.Equal(chunks, []string{"One is fine."}) || len(errs) != 1 || !errors.Is(errs[0], context.Canceled) {
		t.Errorf("chunks %q, errors %v; want the first chunk and context.Canceled", chunks, errs)
	}
	if want := "quick_check chunk quick_check completed"; order(rec) != want {
		t.Errorf("events %q, want %q", order(rec), want)
	}
	c := onceCompleted(t, rec)
	if res := s.Result(); !res.Stopped || c.AttemptsUsed != 1 || len(res.Attempts) != 1 {
		t.Errorf("completed %+v, result %+v", c, res)
	}
}
