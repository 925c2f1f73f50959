package hooks

import (
	"errors"
	"fmt"
	"maps"
)

// Member is what Registry.Add, Add, WithPlugins and a Set take: a *Plugin
// or a *Set.
type Member interface {
	// flatten appends the member's plugins to out, with the priority
	// override of the enclosing sets applied.
	flatten(override *int, out []*plugin) []*plugin
}

// Plugin is a plugin as a value: a name, one handler per hook and its
// options, checked once by NewPlugin. Registering it (Registry.Add, Add,
// WithPlugins) makes a registration of its own each time.
type Plugin struct {
	p plugin
}

// NewPlugin returns the plugin named name with one handler per hook it
// listens to. It fails on an empty name, no handlers, an unknown hook or
// mode, or a nil handler.
func NewPlugin(name string, handlers map[Hook]Handler, opts ...Option) (*Plugin, error) {
	p := plugin{name: name, priority: DefaultPriority, timeout: DefaultTimeout, handlers: map[Hook]Handler{}}
	for _, o := range opts {
		o(&p)
	}
	if err := p.validate(handlers); err != nil {
		return nil, fmt.Errorf("hooks: plugin %q: %w", name, err)
	}
	return &Plugin{p: p}, nil
}

// Name returns the plugin's name.
func (p *Plugin) Name() string { return p.p.name }

func (p *Plugin) flatten(override *int, out []*plugin) []*plugin {
	q := p.p
	q.handlers = maps.Clone(p.p.handlers)
	if override != nil {
		q.priority = *override
	}
	return append(out, &q)
}

func (p *plugin) validate(handlers map[Hook]Handler) error {
	if p.name == "" {
		return errors.New("a plugin needs a name")
	}
	if p.mode > FireAndForget {
		return fmt.Errorf("unknown mode %d", p.mode)
	}
	if p.timeout < 0 {
		return fmt.Errorf("negative timeout %v", p.timeout)
	}
	if len(handlers) == 0 {
		return errors.New("no handlers")
	}
	for h, fn := range handlers {
		if !h.valid() {
			return fmt.Errorf("unknown hook %d", h)
		}
		if fn == nil {
			return fmt.Errorf("nil handler for %s", h)
		}
		p.handlers[h] = fn
	}
	return nil
}

// Set is a named group of plugins and nested sets, registered together.
// A set with a priority (WithPriority) gives it to every plugin in it,
// nested sets' plugins included; an outer set's priority wins over an
// inner one's, as in mellea's PluginSet.
type Set struct {
	name     string
	priority *int
	members  []Member
}

// NewSet returns a set named name of members (*Plugin or *Set).
func NewSet(name string, members ...Member) *Set {
	return &Set{name: name, members: members}
}

// WithPriority returns a copy of s whose priority overrides its members'.
func (s *Set) WithPriority(n int) *Set {
	c := *s
	c.priority = &n
	return &c
}

// Name returns the set's name.
func (s *Set) Name() string { return s.name }

func (s *Set) flatten(override *int, out []*plugin) []*plugin {
	if override == nil {
		override = s.priority
	}
	for _, m := range s.members {
		out = m.flatten(override, out)
	}
	return out
}

// flatten returns the plugins of members, each a fresh registration.
func flatten(members []Member) ([]*plugin, error) {
	var ps []*plugin
	for _, m := range members {
		if m == nil {
			return nil, errors.New("nil member")
		}
		ps = m.flatten(nil, ps)
	}
	seen := map[string]bool{}
	for _, p := range ps {
		if seen[p.name] {
			return nil, fmt.Errorf("two plugins named %q", p.name)
		}
		seen[p.name] = true
	}
	return ps, nil
}
