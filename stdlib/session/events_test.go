package session_test

import (
	"context"
	"slices"
	"testing"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/stdlib/backend/scripted"
	"github.com/hookweave/hookweave/stdlib/requirement"
	"github.com/hookweave/hookweave/stdlib/session"
)

// An instruction's Events function gets the stream's events in order, in
// every build: the failed check that stopped the stream, then the end.
func TestInstructionEventsSeeTheStream(t *testing.T) {
	var names []string
	var failed hooks.QuickCheckEvent
	in := session.Instruction{
		Text:         "hi",
		Requirements: []requirement.Requirement{requirement.Forbid("two")},
		Events: func(ev hooks.Event) {
			names = append(names, ev.EventName())
			if qc, ok := ev.(hooks.QuickCheckEvent); ok && !qc.Passed {
				failed = qc
			}
		},
	}
	var chunks []string
	err := session.Run(context.Background(), session.Config{Backend: scripted.New("One. Then two. Three.")}, func(ctx context.Context, s *session.Session) error {
		st := s.Stream(ctx, in)
		defer st.Close()
		for c, err := range st.Chunks() {
			if err != nil {
				return err
			}
			chunks = append(chunks, c)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"quick_check", "chunk", "quick_check", "completed"}
	if !slices.Equal(names, want) {
		t.Errorf("events %v, want %v", names, want)
	}
	if failed.ChunkIndex != 1 || len(failed.Results) != 1 || failed.Results[0].Outcome != hooks.Fail {
		t.Errorf("failed check %+v, want chunk 1 failing Forbid", failed)
	}
	if !slices.Equal(chunks, []string{"One."}) {
		t.Errorf("chunks %q", chunks)
	}
}
