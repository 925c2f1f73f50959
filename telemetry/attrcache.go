package telemetry

import (
	"sync"
	"sync/atomic"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
)

// maxCachedSets bounds an optionCache: past it, new values get an option
// built on the spot, so that a metric attribute with unbounded values
// cannot grow the cache without end.
const maxCachedSets = 256

// optionCache holds, per value of one string attribute, the options of a
// counter's Add with the attribute set {key=value}, so that a hot path
// records with a set built once instead of one built (copied, sorted,
// hashed) per call, and passes a list of options made once instead of one
// made per call. Reads take no lock: the map is replaced, never changed,
// when a value is added.
type optionCache struct {
	key  string
	sets atomic.Pointer[map[string][]metric.AddOption]
	mu   sync.Mutex // serializes additions
}

func newOptionCache(key string) *optionCache {
	c := &optionCache{key: key}
	c.sets.Store(&map[string][]metric.AddOption{})
	return c
}

// options returns the Add options of the set {key=value}. The caller
// passes them on and never changes them.
func (c *optionCache) options(value string) []metric.AddOption {
	if o, ok := (*c.sets.Load())[value]; ok {
		return o
	}
	o := []metric.AddOption{metric.WithAttributeSet(attribute.NewSet(attribute.String(c.key, value)))}
	c.mu.Lock()
	defer c.mu.Unlock()
	old := *c.sets.Load()
	if len(old) >= maxCachedSets {
		return o
	}
	if cached, ok := old[value]; ok {
		return cached
	}
	sets := make(map[string][]metric.AddOption, len(old)+1)
	for k, v := range old {
		sets[k] = v
	}
	sets[value] = o
	c.sets.Store(&sets)
	return o
}
