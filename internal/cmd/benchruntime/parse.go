package main

import (
	"bufio"
	"bytes"
	"slices"
	"strconv"
	"strings"
)

// results holds every value measured: binary → benchmark → unit → values,
// one per round.
type results map[string]map[string]map[string][]float64

// add parses the output of a test binary's benchmark run. A benchmark line
// is its name (with a -GOMAXPROCS suffix), the iteration count, then
// value-unit pairs.
func (r results) add(binary string, out []byte) {
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") || len(f)%2 != 0 {
			continue
		}
		name := f[0]
		if i := strings.LastIndexByte(name, '-'); i > 0 {
			if _, err := strconv.Atoi(name[i+1:]); err == nil {
				name = name[:i]
			}
		}
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				continue
			}
			r.put(binary, name, f[i+1], v)
		}
	}
}

func (r results) put(binary, name, unit string, v float64) {
	if r[binary] == nil {
		r[binary] = map[string]map[string][]float64{}
	}
	if r[binary][name] == nil {
		r[binary][name] = map[string][]float64{}
	}
	r[binary][name][unit] = append(r[binary][name][unit], v)
}

// median returns the median of a benchmark's values in unit, and false
// when there are none.
func (r results) median(binary, name, unit string) (float64, bool) {
	return median(r[binary][name][unit])
}

// roundRatios returns, round by round, a's value over b's value in the
// same round, for one benchmark in two binaries.
func (r results) roundRatios(binA, binB, name, unit string) []float64 {
	a, b := r[binA][name][unit], r[binB][name][unit]
	var ratios []float64
	for i := range min(len(a), len(b)) {
		if b[i] != 0 {
			ratios = append(ratios, a[i]/b[i])
		}
	}
	return ratios
}

func median(values []float64) (float64, bool) {
	vs := slices.Clone(values)
	if len(vs) == 0 {
		return 0, false
	}
	slices.Sort(vs)
	if n := len(vs); n%2 == 0 {
		return (vs[n/2-1] + vs[n/2]) / 2, true
	}
	return vs[len(vs)/2], true
}
