package session

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"sync"

	"github.com/hookweave/hookweave/hooks"
	"github.com/hookweave/hookweave/stdlib/backend"
)

// The context types. A SimpleContext session sends each instruction on its
// own; a ChatContext session sends the earlier completed turns before it.
const (
	SimpleContext = "SimpleContext"
	ChatContext   = "ChatContext"
)

// Config configures a session.
type Config struct {
	// Backend generates the replies. Required.
	Backend backend.Backend
	// ContextType is SimpleContext (the default when empty) or ChatContext.
	ContextType string
	// Plugins, if not nil, serve this session's operations only, besides
	// the globally registered ones.
	Plugins *hooks.Registry
	// ModelOptions are defaults for every instruction's model options.
	// Plugins at session_pre_init may change them.
	ModelOptions map[string]any
}

// Session is a running session, handed to the function given to Run. Its
// methods may be called from several goroutines.
type Session struct {
	id  string
	cfg Config

	mu           sync.Mutex
	options      map[string]any
	modelID      string // set by a session_pre_init plugin; "" for the backend's
	interactions int
	history      []backend.Message
}

// Run opens a session, calls fn with it and closes it, returning fn's
// error. The ctx fn gets carries the session: pass it (or a context derived
// from it) to the session's methods. fn does not run when a plugin blocks
// the session at session_pre_init; Run then returns a *hooks.BlockedError.
func Run(ctx context.Context, cfg Config, fn func(ctx context.Context, s *Session) error) error {
	s, err := newSession(cfg)
	if err != nil {
		return err
	}
	return (*lifecycle)(s).run(ctx, fn)
}

func newSession(cfg Config) (*Session, error) {
	if cfg.Backend == nil {
		return nil, errors.New("session: no backend")
	}
	switch cfg.ContextType {
	case "":
		cfg.ContextType = SimpleContext
	case SimpleContext, ChatContext:
	default:
		return nil, fmt.Errorf("session: unknown context type %q: use %s or %s", cfg.ContextType, SimpleContext, ChatContext)
	}
	return &Session{id: hooks.NewID(), cfg: cfg, options: maps.Clone(cfg.ModelOptions)}, nil
}

// ID returns the session's id, the session id of its hook payloads.
func (s *Session) ID() string { return s.id }

// Reset clears the session's conversation and fires session_reset.
func (s *Session) Reset(ctx context.Context) {
	s.mu.Lock()
	s.history = nil
	s.mu.Unlock()
	hooks.Fire(ctx, hooks.SessionReset, s.payload())
}

// model is the model a session_pre_init plugin chose, or "" for the
// backend's.
func (s *Session) model() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.modelID
}

// payload is the session's payload, without the cleanup fields.
func (s *Session) payload() *hooks.SessionPayload {
	s.mu.Lock()
	defer s.mu.Unlock()
	return &hooks.SessionPayload{
		Base:         hooks.Base{SessionID: s.id},
		Backend:      s.cfg.Backend.Name(),
		ModelID:      backend.ModelFor(s.cfg.Backend, backend.Request{Model: s.modelID}),
		ContextType:  s.cfg.ContextType,
		ModelOptions: maps.Clone(s.options),
	}
}
