package session

import (
	"context"
	"maps"

	"github.com/hookweave/hookweave/hooks"
)

// lifecycle is a Session seen as the subject of the session lifecycle, so
// that the subject's methods stay off Session's API.
type lifecycle Session

// run is the session. In a plain build nothing put the session in ctx, so
// run does.
//
//mellea:hook session
func (l *lifecycle) run(ctx context.Context, fn func(ctx context.Context, s *Session) error) error {
	s := (*Session)(l)
	if hooks.SessionID(ctx) != s.id {
		ctx = hooks.WithSession(ctx, s.id, s.cfg.Plugins)
	}
	return fn(ctx, s)
}

// A subject that does not implement its lifecycle's interface fails the
// plain build here, not only the woven one.
var _ hooks.SessionSubject = (*lifecycle)(nil)

// SessionStart implements hooks.SessionSubject.
func (l *lifecycle) SessionStart() hooks.SessionPayload {
	return *(*Session)(l).payload()
}

// SessionEnd implements hooks.SessionSubject: session_cleanup.
func (l *lifecycle) SessionEnd(err error) hooks.SessionPayload {
	s := (*Session)(l)
	p := *s.payload()
	s.mu.Lock()
	p.InteractionCount = s.interactions
	s.mu.Unlock()
	p.Err = err
	return p
}

// Plugins scopes the session's own plugins to it.
func (l *lifecycle) Plugins() *hooks.Registry { return l.cfg.Plugins }

// Amend implements hooks.Amender: plugins at session_pre_init may change
// the model options and the model id; every request of the session then
// asks that model (backend.Request.Model).
func (l *lifecycle) Amend(p hooks.Payload) {
	if sp, ok := p.(*hooks.SessionPayload); ok {
		l.mu.Lock()
		l.options = maps.Clone(sp.ModelOptions)
		if sp.ModelID != l.cfg.Backend.Model() {
			l.modelID = sp.ModelID
		}
		l.mu.Unlock()
	}
}
