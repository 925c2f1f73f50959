package build

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"time"
)

type bench struct {
	hookweave, root, tmp string
	runs, warm           int
	out                  io.Writer // the table
}

// build is one go build of a program, plain or woven.
type build struct {
	dir   string   // module directory
	pkg   string   // package to build
	flags []string // extra go build flags
}

func (b *bench) woven(dir, pkg string) build {
	return build{dir: dir, pkg: pkg, flags: []string{"-toolexec=" + b.hookweave}}
}

// time runs go build once with GOCACHE set to cache, writing out, and
// returns how long the whole process took. Each variant has its own out:
// go build skips the compile of main and the link when out is up to date.
func (b *bench) time(bl build, cache, out string) (time.Duration, error) {
	args := append([]string{"build", "-o", out}, bl.flags...)
	args = append(args, bl.pkg)
	cmd := exec.Command("go", args...)
	cmd.Dir = bl.dir
	cmd.Env = append(os.Environ(), "GOCACHE="+cache, "GOTOOLCHAIN=local", "GOFLAGS=-mod=mod", "GOPROXY=off")
	start := time.Now()
	output, err := cmd.CombinedOutput()
	d := time.Since(start)
	if err != nil {
		return 0, fmt.Errorf("go %v in %s: %w\n%s", args, bl.dir, err, output)
	}
	return d, nil
}

// cold builds base and other alternately, each in a fresh GOCACHE, and
// returns their median times.
func (b *bench) cold(base, other build) (time.Duration, time.Duration, error) {
	var bt, ot []time.Duration
	for i := range b.runs {
		for j, bl := range []build{base, other} {
			cache := filepath.Join(b.tmp, fmt.Sprintf("cold-%d-%d", i, j))
			out := filepath.Join(b.tmp, "cold-out")
			os.Remove(out)
			d, err := b.time(bl, cache, out)
			os.RemoveAll(cache)
			if err != nil {
				return 0, 0, err
			}
			if j == 0 {
				bt = append(bt, d)
			} else {
				ot = append(ot, d)
			}
		}
	}
	return median(bt), median(ot), nil
}

// warmNoop fills one GOCACHE per variant, then times no-op rebuilds
// alternately and returns their median times.
func (b *bench) warmNoop(base, other build) (time.Duration, time.Duration, error) {
	caches := []string{filepath.Join(b.tmp, "warm-base"), filepath.Join(b.tmp, "warm-other")}
	defer os.RemoveAll(caches[0])
	defer os.RemoveAll(caches[1])
	var times [2][]time.Duration
	for i := range b.warm + 1 {
		for j, bl := range []build{base, other} {
			d, err := b.time(bl, caches[j], caches[j]+".out")
			if err != nil {
				return 0, 0, err
			}
			if i > 0 { // the first build fills the cache
				times[j] = append(times[j], d)
			}
		}
	}
	return median(times[0]), median(times[1]), nil
}

// compare reports other against base, cold and warm no-op, with the
// target ratio of each.
func (b *bench) compare(name string, base, other build, coldTarget, warmTarget float64) error {
	bc, oc, err := b.cold(base, other)
	if err != nil {
		return err
	}
	b.report(name+", cold", bc, oc, coldTarget)
	bw, ow, err := b.warmNoop(base, other)
	if err != nil {
		return err
	}
	b.report(name+", warm no-op", bw, ow, warmTarget)
	return nil
}

func median(ds []time.Duration) time.Duration {
	s := slices.Sorted(slices.Values(ds))
	return s[len(s)/2]
}

func (b *bench) report(name string, base, other time.Duration, target float64) {
	ratio := float64(other) / float64(base)
	verdict := "ok"
	if ratio > target {
		verdict = "OVER"
	}
	fmt.Fprintf(b.out, "%-34s %9.2fs %9.2fs %7.3fx %5.2fx %s\n", name, base.Seconds(), other.Seconds(), ratio, target, verdict)
}

func (b *bench) reportOne(name string, d time.Duration) {
	fmt.Fprintf(b.out, "%-34s %9.2fs\n", name, d.Seconds())
}
