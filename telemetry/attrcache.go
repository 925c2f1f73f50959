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

// optionCache holds, per value of one string attribute, the measurement
// option of the attribute set {key=value}, so that a hot path records with
// a set built once instead of one built (copied, sorted, hashed) per call.
// Reads take no lock: the map is replaced, never changed, when a value is
// added.
type optionCache struct {
	key  string
	sets atomic.Pointer[map[string]metric.MeasurementOption]
	mu   sync.Mutex // serializes additions
}

func newOptionCache(key string) *optionCache {
	c := &optionCache{key: key}
	c.sets.Store(&map[string]metric.MeasurementOption{})
	return c
}

// option returns the option of the set {key=value}.
func (c *optionCache) option(value string) metric.MeasurementOption {
	if o, ok := (*c.sets.Load())[value]; ok {
		return o
	}
	o := metric.WithAttributeSet(attribute.NewSet(attribute.String(c.key, value)))
	c.mu.Lock()
	defer c.mu.Unlock()
	old := *c.sets.Load()
	if len(old) >= maxCachedSets {
		return o
	}
	if cached, ok := old[value]; ok {
		return cached
	}
	sets := make(map[string]metric.MeasurementOption, len(old)+1)
	for k, v := range old {
		sets[k] = v
	}
	sets[value] = o
	c.sets.Store(&sets)
	return o
}
