package streaming

import (
	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/stdlib/backend"
	"github.com/hookweave/hookweave/stdlib/chunking"
)

// A subject that does not implement its lifecycle's interface fails the
// plain build here, not only the woven one.
var _ hooks.StreamingSubject = (*run)(nil)

// StreamingStart implements hooks.StreamingSubject. The id is the run's own,
// so the lifecycle and the events share it in every build.
func (r *run) StreamingStart() hooks.StreamingStartPayload {
	return hooks.StreamingStartPayload{
		StreamingID:      r.id,
		HasRequirements:  len(r.names) > 0,
		RequirementCount: len(r.names),
		ChunkingStrategy: chunking.Name(r.s.cfg.chunker),
	}
}

// StreamingEnd implements hooks.StreamingSubject. err is the stream's error
// (a *hooks.PanicError for a panic); a failed check and a consumer stop are
// not errors. As mellea fills the payload, the failure reason is empty when
// an error ended the stream, and the model and provider are empty when no
// generation started.
func (r *run) StreamingEnd(err error) hooks.StreamingEndPayload {
	p := hooks.StreamingEndPayload{
		StreamingID:     r.id,
		FullTextLength:  textLength(r.fullText),
		NumGenerateLogs: r.generations,
	}
	if r.generations > 0 {
		p.Model = backend.ModelFor(r.s.backend, r.s.req)
		p.Provider = r.s.backend.Name()
	}
	switch res := r.result(); {
	case err != nil:
		p.Err = err
		p.ErrorCategory = hooks.ErrorCategory(err)
	case r.stopped:
		p.Stopped = true
	case res.FailureReason != "":
		p.FailureReason = res.FailureReason
	default:
		p.Success = r.success()
	}
	return p
}
