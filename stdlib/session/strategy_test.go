package session

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/hooks/hookstest"
	"github.com/hookweave/hookweave/stdlib/backend/scripted"
	"github.com/hookweave/hookweave/stdlib/requirement"
	"github.com/hookweave/hookweave/stdlib/streaming"
)

// failing replies "Bad." to every request: each attempt fails Forbid("Bad").
func failing() *scripted.Backend { return scripted.New("Bad. ") }

// actionEnd runs in on b in a woven session and returns the component's
// post payload.
func actionEnd(t *testing.T, b *scripted.Backend, in Instruction) (*hooks.ComponentPayload, streaming.Result) {
	t.Helper()
	tr := trace(t, hooks.Audit)
	var res streaming.Result
	wovenRun(t, Config{Backend: b}, func(ctx context.Context, s *Session) error {
		st := wovenStream(ctx, s, in)
		hookstest.Drain(st.Chunks())
		res = st.Result()
		return nil
	})
	posts := tr.find(hooks.ComponentPostSuccess)
	if len(posts) != 1 {
		t.Fatalf("%d component_post_success", len(posts))
	}
	return posts[0].(*hooks.ComponentPayload), res
}

func TestInstructionStrategyRetriesTheStream(t *testing.T) {
	b := scripted.New("", scripted.WithReplies("Bad. ", "Good. "))
	in := Instruction{Text: "x", Requirements: []requirement.Requirement{requirement.Forbid("Bad")}, Strategy: streaming.RepairTemplate(3)}
	p, res := actionEnd(t, b, in)
	if !res.Completed || res.FullText != "Good. " || len(res.Attempts) != 2 {
		t.Fatalf("result %+v", res)
	}
	if p.Strategy != streaming.RepairTemplateName || p.NumGenerateLogs != 2 || !p.SamplingSuccess || p.Result != "Good. " {
		t.Errorf("component_post_success %+v", p)
	}
}

func TestComponentPayloadStrategyIsTheStrategysName(t *testing.T) {
	tr := trace(t, hooks.Audit)
	in := Instruction{Text: "x", Strategy: streaming.RejectionSampling(2)}
	wovenRun(t, Config{Backend: scripted.New("Fine. ")}, func(ctx context.Context, s *Session) error {
		hookstest.Drain(wovenStream(ctx, s, in).Chunks())
		return nil
	})
	pre := tr.find(hooks.ComponentPreExecute)
	if len(pre) != 1 || pre[0].(*hooks.ComponentPayload).Strategy != "RejectionSamplingStrategy" {
		t.Fatalf("component_pre_execute %+v", pre)
	}
}

func TestSamplingFailsWhenTheBudgetRunsOut(t *testing.T) {
	in := Instruction{Text: "x", Requirements: []requirement.Requirement{requirement.Forbid("Bad")}, Strategy: streaming.RejectionSampling(3)}
	p, res := actionEnd(t, failing(), in)
	if len(res.Attempts) != 3 || p.NumGenerateLogs != 3 || p.SamplingSuccess {
		t.Errorf("component_post_success %+v, %d attempts", p, len(res.Attempts))
	}
}

// setStrategy registers a plugin that sets the component's strategy name.
func setStrategy(t *testing.T, name string) {
	t.Helper()
	change(t, hooks.ComponentPreExecute, func(p hooks.Payload) { p.(*hooks.ComponentPayload).Strategy = name })
}

func TestPluginSelectsABuiltInStrategyKeepingTheBudget(t *testing.T) {
	setStrategy(t, streaming.RepairTemplateName)
	in := Instruction{Text: "x", Requirements: []requirement.Requirement{requirement.Forbid("Bad")}, Strategy: streaming.RejectionSampling(3)}
	p, res := actionEnd(t, failing(), in)
	if p.Strategy != streaming.RepairTemplateName || len(res.Attempts) != 3 {
		t.Errorf("strategy %q, %d attempts; want RepairTemplateStrategy with the instruction's budget of 3", p.Strategy, len(res.Attempts))
	}
}

func TestPluginNamingAStrategyForAnInstructionWithoutOneGetsTheDefaultBudget(t *testing.T) {
	setStrategy(t, streaming.RejectionSamplingName)
	in := Instruction{Text: "x", Requirements: []requirement.Requirement{requirement.Forbid("Bad")}}
	_, res := actionEnd(t, failing(), in)
	if len(res.Attempts) != DefaultBudget {
		t.Errorf("%d attempts, want the default budget %d", len(res.Attempts), DefaultBudget)
	}
}

func TestPluginClearingTheStrategyMakesOneAttempt(t *testing.T) {
	setStrategy(t, "")
	in := Instruction{Text: "x", Requirements: []requirement.Requirement{requirement.Forbid("Bad")}, Strategy: streaming.RejectionSampling(3)}
	p, res := actionEnd(t, failing(), in)
	if p.Strategy != "" || len(res.Attempts) != 1 {
		t.Errorf("strategy %q, %d attempts", p.Strategy, len(res.Attempts))
	}
}

func TestPluginNamingAnUnknownStrategyIsReportedOnceAndKeepsTheInstructions(t *testing.T) {
	var mu sync.Mutex
	var reports []error
	hooks.SetReporter(func(err error) { mu.Lock(); reports = append(reports, err); mu.Unlock() })
	t.Cleanup(func() { hooks.SetReporter(nil) })
	setStrategy(t, "BestOfN")
	in := Instruction{Text: "x", Requirements: []requirement.Requirement{requirement.Forbid("Bad")}, Strategy: streaming.RejectionSampling(2)}
	p, res := actionEnd(t, failing(), in)
	if p.Strategy != streaming.RejectionSamplingName || len(res.Attempts) != 2 {
		t.Errorf("strategy %q, %d attempts; want the instruction's", p.Strategy, len(res.Attempts))
	}
	mu.Lock()
	defer mu.Unlock()
	if len(reports) != 1 || !strings.Contains(reports[0].Error(), `unknown strategy "BestOfN"`) || !strings.Contains(reports[0].Error(), `keeping "RejectionSamplingStrategy"`) {
		t.Errorf("reports %v, want one naming the unknown strategy", reports)
	}
}
