package hooks

import (
	"cmp"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
)

// Registry holds registered plugins. The global registry (Register) serves
// every operation; a session's own registry (NewRegistry, carried in the
// context by the session lifecycle) serves that session's operations only.
type Registry struct {
	mu      sync.Mutex
	plugins []*plugin
	// table is the sorted handler list per hook, replaced on every change so
	// that dispatch reads it without a lock.
	table atomic.Pointer[[numHooks][]entry]
}

type entry struct {
	p *plugin
	h Handler
}

// NewRegistry returns an empty registry, for plugins of one session.
func NewRegistry() *Registry { return &Registry{} }

var global Registry

// listeners counts, per hook, the handlers registered in any registry; mask
// has bit h set while listeners[h] > 0. Dispatch reads only mask when nobody
// listens.
var (
	listeners [numHooks]int
	countsMu  sync.Mutex
	mask      atomic.Uint64
	seq       atomic.Uint64
)

// Listening reports whether any plugin, global or of any session, listens to
// h. Use it to skip building a payload nobody will see.
func Listening(h Hook) bool { return mask.Load()&(1<<h) != 0 }

// Register adds a plugin to the global registry. See Registry.Register.
func Register(name string, handlers map[Hook]Handler, opts ...Option) (unregister func(), err error) {
	return global.Register(name, handlers, opts...)
}

// Add adds plugins and sets to the global registry. See Registry.Add.
func Add(members ...Member) (unregister func(), err error) {
	return global.Add(members...)
}

// Register adds a plugin named name with one handler per hook it listens to.
// It returns a function that removes the plugin again. A registry holds at
// most one plugin of a name.
func (r *Registry) Register(name string, handlers map[Hook]Handler, opts ...Option) (unregister func(), err error) {
	p, err := NewPlugin(name, handlers, opts...)
	if err != nil {
		return nil, err
	}
	return r.Add(p)
}

// Add registers members (plugins and sets, flattened) together: all or
// none. It returns a function that removes them again. A registry holds at
// most one plugin of a name.
func (r *Registry) Add(members ...Member) (unregister func(), err error) {
	ps, err := flatten(members)
	if err != nil {
		return nil, fmt.Errorf("hooks: register: %w", err)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, p := range ps {
		for _, q := range r.plugins {
			if q.name == p.name {
				return nil, fmt.Errorf("hooks: register plugin %q: a plugin of that name is registered already", p.name)
			}
		}
	}
	for _, p := range ps {
		p.seq = seq.Add(1)
		count(p, +1)
	}
	r.plugins = append(r.plugins, ps...)
	r.rebuild()
	var once sync.Once
	return func() { once.Do(func() { r.remove(ps) }) }, nil
}

func (r *Registry) remove(ps []*plugin) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, p := range ps {
		i := slices.Index(r.plugins, p)
		if i < 0 {
			continue
		}
		r.plugins = slices.Delete(r.plugins, i, i+1)
		count(p, -1)
	}
	r.rebuild()
}

// Close removes every plugin of r.
func (r *Registry) Close() {
	r.mu.Lock()
	ps := r.plugins
	r.plugins = nil
	r.rebuild()
	r.mu.Unlock()
	for _, p := range ps {
		count(p, -1)
	}
}

// rebuild recomputes the sorted table; r.mu is held.
func (r *Registry) rebuild() {
	var t [numHooks][]entry
	for _, p := range r.plugins {
		for h, fn := range p.handlers {
			t[h] = append(t[h], entry{p, fn})
		}
	}
	for h := range t {
		sortEntries(t[h])
	}
	r.table.Store(&t)
}

func (r *Registry) entries(h Hook) []entry {
	if r == nil {
		return nil
	}
	t := r.table.Load()
	if t == nil {
		return nil
	}
	return t[h]
}

// sortEntries orders handlers as they run: by mode group (sequential,
// transform, audit, concurrent, fire-and-forget), then by priority, then in
// registration order.
func sortEntries(es []entry) {
	slices.SortFunc(es, func(a, b entry) int {
		if a.p.mode != b.p.mode {
			return cmp.Compare(a.p.mode, b.p.mode)
		}
		if a.p.priority != b.p.priority {
			return cmp.Compare(a.p.priority, b.p.priority)
		}
		return cmp.Compare(a.p.seq, b.p.seq)
	})
}

func count(p *plugin, delta int) {
	countsMu.Lock()
	defer countsMu.Unlock()
	for h := range p.handlers {
		listeners[h] += delta
	}
	var m uint64
	for h, n := range listeners {
		if n > 0 {
			m |= 1 << h
		}
	}
	mask.Store(m)
}
