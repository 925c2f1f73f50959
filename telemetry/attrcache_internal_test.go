package telemetry

import (
	"fmt"
	"sync"
	"testing"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
)

func setOf(o []metric.AddOption) attribute.Set {
	return metric.NewAddConfig(o).Attributes()
}

func TestOptionCache_SetPerValueNoAllocation(t *testing.T) {
	c := newOptionCache("requirement")
	a, b := c.options("MaxWords"), c.options("LLMJudge")
	if got, want := setOf(a), attribute.NewSet(attribute.String("requirement", "MaxWords")); !got.Equals(&want) {
		t.Errorf("options(MaxWords) = %v, want %v", got.Encoded(attribute.DefaultEncoder()), want.Encoded(attribute.DefaultEncoder()))
	}
	if got, want := setOf(b), attribute.NewSet(attribute.String("requirement", "LLMJudge")); !got.Equals(&want) {
		t.Errorf("options(LLMJudge) = %v, want %v", got.Encoded(attribute.DefaultEncoder()), want.Encoded(attribute.DefaultEncoder()))
	}
	if n := testing.AllocsPerRun(100, func() { c.options("MaxWords") }); n != 0 {
		t.Errorf("a cached value costs %v allocations, want 0", n)
	}
}

// TestOptionCache_Bounded checks that values past the bound still get
// their set, without being kept.
func TestOptionCache_Bounded(t *testing.T) {
	c := newOptionCache("reason")
	for i := range maxCachedSets + 10 {
		v := fmt.Sprint("reason ", i)
		if got, want := setOf(c.options(v)), attribute.NewSet(attribute.String("reason", v)); !got.Equals(&want) {
			t.Fatalf("options(%q) has the wrong set", v)
		}
	}
	if n := len(*c.sets.Load()); n != maxCachedSets {
		t.Errorf("the cache holds %d sets, want %d", n, maxCachedSets)
	}
}

func TestOptionCache_Concurrent(t *testing.T) {
	c := newOptionCache("requirement")
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 50 {
				v := fmt.Sprint("R", (g+i)%10)
				if got, want := setOf(c.options(v)), attribute.NewSet(attribute.String("requirement", v)); !got.Equals(&want) {
					t.Errorf("options(%q) has the wrong set", v)
					return
				}
			}
		})
	}
	wg.Wait()
	if n := len(*c.sets.Load()); n != 10 {
		t.Errorf("the cache holds %d sets, want 10", n)
	}
}
