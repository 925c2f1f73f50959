package hooks

import "context"

type scopeKey struct{}

// scope is what the session lifecycle puts in its context: the session's id
// and its own plugins.
type scope struct {
	sessionID string
	reg       *Registry
}

// WithSession returns a context that carries a session's id and its own
// plugin registry (nil for none). The session lifecycle does this itself;
// use it directly only to scope operations to a session by hand.
func WithSession(ctx context.Context, id string, reg *Registry) context.Context {
	return context.WithValue(ctx, scopeKey{}, &scope{sessionID: id, reg: reg})
}

// SessionID returns the id of the session ctx belongs to, or "".
func SessionID(ctx context.Context) string {
	if s := scopeOf(ctx); s != nil {
		return s.sessionID
	}
	return ""
}

func scopeOf(ctx context.Context) *scope {
	if ctx == nil {
		return nil
	}
	s, _ := ctx.Value(scopeKey{}).(*scope)
	return s
}
