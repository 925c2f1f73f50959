package hooks

import (
	"context"
	"fmt"
	"sync"
)

type scopeKey struct{}

// scope is what a context carries for dispatch: the session's id and the
// plugins of the session and of every WithPlugins scope it runs under,
// innermost first.
type scope struct {
	sessionID string
	reg       *Registry
	parent    *scope
}

// WithSession returns a context that carries a session's id and its own
// plugin registry (nil for none). The session lifecycle does this itself;
// use it directly only to scope operations to a session by hand. Plugins
// of scopes ctx already carries (WithPlugins) still apply.
func WithSession(ctx context.Context, id string, reg *Registry) context.Context {
	return context.WithValue(ctx, scopeKey{}, &scope{sessionID: id, reg: reg, parent: scopeOf(ctx)})
}

// WithPlugins registers members (plugins and sets) for the operations run
// under the returned context only, until done is called; done may be called
// more than once. Scopes nest, and a session run under ctx keeps them. It
// panics if two members share a name: like a bad regexp.MustCompile
// pattern, that is a program error.
func WithPlugins(ctx context.Context, members ...Member) (_ context.Context, done func()) {
	reg := NewRegistry()
	unregister, err := reg.Add(members...)
	if err != nil {
		panic(fmt.Sprintf("hooks: WithPlugins: %v", err))
	}
	parent := scopeOf(ctx)
	s := &scope{reg: reg, parent: parent}
	if parent != nil {
		s.sessionID = parent.sessionID
	}
	return context.WithValue(ctx, scopeKey{}, s), sync.OnceFunc(unregister)
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
