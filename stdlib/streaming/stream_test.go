package streaming_test

import (
	"context"
	"errors"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/hooks/hookstest"
	"github.com/hookweave/hookweave/stdlib/backend"
	"github.com/hookweave/hookweave/stdlib/backend/scripted"
	"github.com/hookweave/hookweave/stdlib/chunking"
	"github.com/hookweave/hookweave/stdlib/requirement"
	"github.com/hookweave/hookweave/stdlib/streaming"
)

const threeSentences = "One is fine. Two is fine.  Three is fine. "

func TestDeltasAreCutIntoChunks(t *testing.T) {
	for _, n := range []int{1, 3, 1000} {
		s := streaming.New(context.Background(), scripted.New(threeSentences, scripted.WithDelta(n)), request("count"))
		chunks, errs := hookstest.Drain(s.Chunks())
		want := []string{"One is fine.", "Two is fine.", "Three is fine."}
		if !slices.Equal(chunks, want) || errs != nil {
			t.Errorf("delta %d: chunks %q, errors %v; want %q", n, chunks, errs, want)
		}
	}
}

func TestEventOrderNaturalEnd(t *testing.T) {
	rec := hookstest.Record(t)
	s := streaming.New(context.Background(), scripted.New(threeSentences, scripted.WithDelta(4)), request("count"),
		streaming.WithRequirements(forbid{"bad"}))
	hookstest.Drain(s.Chunks())
	want := "quick_check chunk quick_check chunk quick_check chunk streaming_done full_validation completed"
	if got := order(rec); got != want {
		t.Errorf("events\n%s\nwant\n%s", got, want)
	}
	res := s.Result()
	if !res.Completed || res.FullText != threeSentences || res.FailureReason != "" || res.Err != nil || res.Stopped {
		t.Errorf("result %+v", res)
	}
	done := rec.Events()[6].(hooks.StreamingDoneEvent)
	if done.FullText != threeSentences || done.Attempt != 1 {
		t.Errorf("streaming done %+v", done)
	}
}

func TestEventOrderNaturalEndWithoutRequirements(t *testing.T) {
	rec := hookstest.Record(t)
	hookstest.Drain(streaming.New(context.Background(), scripted.New(threeSentences), request("count")).Chunks())
	want := "chunk chunk chunk streaming_done completed"
	if got := order(rec); got != want {
		t.Errorf("events %q, want %q", got, want)
	}
	for _, e := range hookstest.PayloadsOf[*hooks.StreamingEventPayload](rec) {
		if len(e.Requirements) != 0 {
			t.Errorf("%s carries requirements %v", e.Event.EventName(), e.Requirements)
		}
	}
}

func TestEarlyExitOnFailedCheckMidBatch(t *testing.T) {
	rec := hookstest.Record(t)
	// One delta holds every sentence: the second fails, the third is never
	// checked nor delivered.
	s := streaming.New(context.Background(), scripted.New("One.  Two bad. Three.", scripted.WithDelta(1000)), request("x"),
		streaming.WithRequirements(forbid{"bad"}))
	chunks, errs := hookstest.Drain(s.Chunks())
	if !slices.Equal(chunks, []string{"One."}) || errs != nil {
		t.Fatalf("chunks %q, errors %v", chunks, errs)
	}
	if want := "quick_check chunk quick_check completed"; order(rec) != want {
		t.Errorf("events %q, want %q", order(rec), want)
	}
	qc := rec.Events()[2].(hooks.QuickCheckEvent)
	if qc.Passed || qc.ChunkIndex != 1 || qc.Attempt != 1 || qc.Results[0].Outcome != hooks.Fail {
		t.Errorf("quick check %+v", qc)
	}
	res := s.Result()
	if res.Completed || res.FailureReason != "Streaming validation failed: mentions bad" || res.Err != nil || res.Stopped {
		t.Errorf("result %+v", res)
	}
	if res.FullText != "One." {
		t.Errorf("full text %q, want the delivered chunk", res.FullText)
	}
	if c := hookstest.EventsOf[hooks.CompletedEvent](rec); len(c) != 1 || c[0].Success || c[0].FullText != "One." || c[0].AttemptsUsed != 1 {
		t.Errorf("completed %+v", c)
	}
}

func TestEarlyExitCancelsGeneration(t *testing.T) {
	reply := "One. Two bad. Three. Four. Five."
	b := &counting{Streamer: scripted.New(reply, scripted.WithDelta(1))}
	s := streaming.New(context.Background(), b, request("x"), streaming.WithRequirements(forbid{"bad"}))
	hookstest.Drain(s.Chunks())
	// "Two bad." is cut when the space after it arrives; no delta follows.
	if want := len("One. Two bad. "); b.deltas != want {
		t.Errorf("backend delivered %d deltas, want %d", b.deltas, want)
	}
}

func TestEarlyExitOnFlush(t *testing.T) {
	rec := hookstest.Record(t)
	s := streaming.New(context.Background(), scripted.New("One.  Two bad"), request("x"),
		streaming.WithRequirements(forbid{"bad"}))
	chunks, errs := hookstest.Drain(s.Chunks())
	if !slices.Equal(chunks, []string{"One."}) || errs != nil {
		t.Fatalf("chunks %q, errors %v", chunks, errs)
	}
	if want := "quick_check chunk quick_check completed"; order(rec) != want {
		t.Errorf("events %q, want %q", order(rec), want)
	}
	res := s.Result()
	if res.Completed || res.FailureReason != "Streaming validation failed on flush: mentions bad" || res.FullText != "One." {
		t.Errorf("result %+v", res)
	}
}

func TestFailureReasonIsTheLastFailingResult(t *testing.T) {
	s := streaming.New(context.Background(), scripted.New("Hello. "), request("x"),
		streaming.WithRequirements(fixed{check: hooks.Fail, reason: "first"}, fixed{check: hooks.Pass, reason: "passing"}, fixed{check: hooks.Fail, reason: "last"}))
	hookstest.Drain(s.Chunks())
	if got := s.Result().FailureReason; got != "Streaming validation failed: last" {
		t.Errorf("failure reason %q", got)
	}
}

func TestUnknownDoesNotFailAChunk(t *testing.T) {
	s := streaming.New(context.Background(), scripted.New("Maybe. "), request("x"),
		streaming.WithRequirements(fixed{check: hooks.Unknown, validate: hooks.Pass}))
	chunks, _ := hookstest.Drain(s.Chunks())
	if !slices.Equal(chunks, []string{"Maybe."}) || !s.Result().Completed {
		t.Errorf("chunks %q, result %+v", chunks, s.Result())
	}
}

func TestQuickCheckEventNamesActiveRequirements(t *testing.T) {
	rec := hookstest.Record(t)
	hookstest.Drain(streaming.New(context.Background(), scripted.New("Fine. "), request("x"),
		streaming.WithRequirements(forbid{"bad"}, fixed{check: hooks.Pass, validate: hooks.Pass})).Chunks())
	e := hookstest.PayloadsOf[*hooks.StreamingEventPayload](rec)[0]
	qc := e.Event.(hooks.QuickCheckEvent)
	if !slices.Equal(e.Requirements, []string{"forbid", "fixed"}) || len(qc.Results) != 2 ||
		qc.Results[0].Requirement != "forbid" || qc.Results[1].Requirement != "fixed" || !qc.Passed {
		t.Errorf("requirements %v, quick check %+v", e.Requirements, qc)
	}
}

func TestEventsShareOneStreamingID(t *testing.T) {
	rec := hookstest.Record(t)
	hookstest.Drain(streaming.New(context.Background(), scripted.New(threeSentences), request("x"), streaming.WithRequirements(forbid{"bad"})).Chunks())
	evs := hookstest.PayloadsOf[*hooks.StreamingEventPayload](rec)
	for _, e := range evs {
		if e.StreamingID == "" || e.StreamingID != evs[0].StreamingID {
			t.Fatalf("event %s has id %q, first %q", e.Event.EventName(), e.StreamingID, evs[0].StreamingID)
		}
	}
}

func TestBackendFailureAfterDeltas(t *testing.T) {
	rec := hookstest.Record(t)
	s := streaming.New(context.Background(), scripted.New(threeSentences, scripted.WithDelta(1), scripted.WithFailAfter(15)), request("x"),
		streaming.WithRequirements(forbid{"bad"}))
	var got []string
	var errs []error
	for c, err := range s.Chunks() {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if len(errs) > 0 {
			t.Fatal("a chunk after the error")
		}
		got = append(got, c)
	}
	var fault *scripted.FaultError
	if len(errs) != 1 || !errors.As(errs[0], &fault) {
		t.Fatalf("errors %v, want one scripted fault", errs)
	}
	if !slices.Equal(got, []string{"One is fine."}) {
		t.Errorf("chunks %q", got)
	}
	if want := "quick_check chunk error completed"; order(rec) != want {
		t.Errorf("events %q, want %q", order(rec), want)
	}
	ev := rec.Events()[2].(hooks.ErrorEvent)
	if ev.ExceptionType != backend.KindServer || ev.Detail != errs[0].Error() {
		t.Errorf("error event %+v", ev)
	}
	res := s.Result()
	if res.Completed || res.Err != errs[0] || res.FailureReason != "" || res.FullText != "One is fine." {
		t.Errorf("result %+v", res)
	}
}

func TestRequirementErrorCancelsPeers(t *testing.T) {
	rec := hookstest.Record(t)
	var cancelled atomic.Bool
	s := streaming.New(context.Background(), scripted.New(threeSentences), request("x"),
		streaming.WithRequirements(patient{&cancelled}, broken{errBoom}, patient{&cancelled}))
	chunks, errs := hookstest.Drain(s.Chunks())
	if len(chunks) != 0 || len(errs) != 1 || !errors.Is(errs[0], errBoom) {
		t.Fatalf("chunks %q, errors %v", chunks, errs)
	}
	if !cancelled.Load() {
		t.Error("the waiting requirements were not cancelled")
	}
	if want := "error completed"; order(rec) != want {
		t.Errorf("events %q, want %q", order(rec), want)
	}
	if ev := rec.Events()[0].(hooks.ErrorEvent); ev.ExceptionType != hooks.KindOther {
		t.Errorf("error event %+v", ev)
	}
	if res := s.Result(); res.Completed || !errors.Is(res.Err, errBoom) || res.FullText != "" {
		t.Errorf("result %+v", res)
	}
}

func TestRequirementPanicIsAnError(t *testing.T) {
	s := streaming.New(context.Background(), scripted.New("Hi. "), request("x"),
		streaming.WithRequirements(panicky{}, fixed{check: hooks.Pass}))
	_, errs := hookstest.Drain(s.Chunks())
	var pe *hooks.PanicError
	if len(errs) != 1 || !errors.As(errs[0], &pe) {
		t.Errorf("errors %v, want a panic error", errs)
	}
}

type panicky struct{ fixed }

func (panicky) Check(context.Context, backend.Backend, string) (requirement.Result, error) {
	panic("checker bug")
}

func TestFullValidationErrorAfterNaturalEnd(t *testing.T) {
	rec := hookstest.Record(t)
	s := streaming.New(context.Background(), scripted.New("Hi. "), request("x"),
		streaming.WithRequirements(brokenValidate{}))
	chunks, errs := hookstest.Drain(s.Chunks())
	if len(chunks) != 1 || len(errs) != 1 || !errors.Is(errs[0], errBoom) {
		t.Fatalf("chunks %q, errors %v", chunks, errs)
	}
	if want := "quick_check chunk streaming_done error completed"; order(rec) != want {
		t.Errorf("events %q, want %q", order(rec), want)
	}
	if res := s.Result(); res.Completed || res.FullText != "Hi. " {
		t.Errorf("result %+v", res)
	}
}

type brokenValidate struct{ fixed }

func (brokenValidate) Validate(context.Context, backend.Backend, string) (requirement.Result, error) {
	return requirement.Result{}, errBoom
}

func TestFailedFullValidationStillSuccessful(t *testing.T) {
	rec := hookstest.Record(t)
	s := streaming.New(context.Background(), scripted.New(threeSentences), request("x"),
		streaming.WithRequirements(fixed{check: hooks.Pass, validate: hooks.Fail, reason: "too short"}))
	hookstest.Drain(s.Chunks())
	res := s.Result()
	if !res.Completed || res.ValidationPassed || len(res.Validations) != 1 || res.Validations[0].Reason != "too short" {
		t.Errorf("result %+v", res)
	}
	evs := rec.Events()
	fv := evs[len(evs)-2].(hooks.FullValidationEvent)
	if fv.Passed || fv.Attempt != 1 || len(fv.Results) != 1 {
		t.Errorf("full validation %+v", fv)
	}
	if c := hookstest.EventsOf[hooks.CompletedEvent](rec); len(c) != 1 || !c[0].Success || c[0].FullText != threeSentences {
		t.Errorf("completed %+v", c)
	}
}

func TestJudgeAsksTheValidationBackend(t *testing.T) {
	main := scripted.New("Fine words. ")
	s := streaming.New(context.Background(), main, request("x"),
		streaming.WithRequirements(judge{}), streaming.WithValidator(scripted.New("no way")))
	hookstest.Drain(s.Chunks())
	if res := s.Result(); !res.Completed || res.ValidationPassed || res.Validations[0].Reason != "the judge said no way" {
		t.Errorf("result %+v", res)
	}
	// Without a validator the generating backend judges.
	s = streaming.New(context.Background(), scripted.New("yes indeed. "), request("x"), streaming.WithRequirements(judge{}))
	hookstest.Drain(s.Chunks())
	if res := s.Result(); !res.ValidationPassed {
		t.Errorf("result %+v", res)
	}
}

func TestRequirementsAreNotMutated(t *testing.T) {
	c := &counter{}
	reqs := []requirement.Requirement{c}
	s := streaming.New(context.Background(), scripted.New(threeSentences), request("x"), streaming.WithRequirements(reqs...))
	reqs[0] = broken{errBoom} // the stream copied the slice
	chunks, errs := hookstest.Drain(s.Chunks())
	if len(chunks) != 3 || errs != nil {
		t.Fatalf("chunks %q, errors %v", chunks, errs)
	}
	if c.seen != 0 {
		t.Errorf("the caller's requirement checked %d chunks; the stream must use a clone", c.seen)
	}
}

func TestNonStreamingBackendIsAnError(t *testing.T) {
	rec := hookstest.Record(t)
	s := streaming.New(context.Background(), completer{}, request("x"))
	chunks, errs := hookstest.Drain(s.Chunks())
	var ns *backend.NotStreamingError
	if len(chunks) != 0 || len(errs) != 1 || !errors.As(errs[0], &ns) {
		t.Fatalf("chunks %q, errors %v", chunks, errs)
	}
	if want := "error completed"; order(rec) != want {
		t.Errorf("events %q, want %q", order(rec), want)
	}
}

func TestChunkerOption(t *testing.T) {
	word, err := chunking.ByName("word")
	if err != nil {
		t.Fatal(err)
	}
	chunks, _ := hookstest.Drain(streaming.New(context.Background(), scripted.New("a b  c"), request("x"), streaming.WithChunker(word)).Chunks())
	if !slices.Equal(chunks, []string{"a", "b", "c"}) {
		t.Errorf("chunks %q", chunks)
	}
}

func TestReadyMadeRequirements(t *testing.T) {
	rec := hookstest.Record(t)
	s := streaming.New(context.Background(), scripted.New("Short one. Much too long a sentence. "), request("x"),
		streaming.WithRequirements(requirement.MaxWords(3), requirement.LLMJudge("is polite")))
	chunks, _ := hookstest.Drain(s.Chunks())
	if !slices.Equal(chunks, []string{"Short one."}) {
		t.Errorf("chunks %q", chunks)
	}
	if e := hookstest.PayloadsOf[*hooks.StreamingEventPayload](rec)[0]; !slices.Equal(e.Requirements, []string{"MaxWords", "LLMJudge"}) {
		t.Errorf("requirements %v", e.Requirements)
	}
	s = streaming.New(context.Background(), scripted.New("Kind words. "), request("x"),
		streaming.WithRequirements(requirement.LLMJudge("is polite")), streaming.WithValidator(scripted.New("Yes.")))
	hookstest.Drain(s.Chunks())
	if res := s.Result(); !res.Completed || !res.ValidationPassed {
		t.Errorf("result %+v", res)
	}
}
