package toolexec

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Build flags of the parent go command that change what a nested go list
// builds. GOFLAGS and GOOS, GOARCH, CGO_ENABLED reach the nested command
// through the environment.
var (
	boolFlags  = []string{"race", "msan", "asan", "trimpath", "cover", "linkshared"}
	valueFlags = []string{"tags", "covermode", "coverpkg", "mod", "modfile", "gcflags", "asmflags", "pgo", "buildmode", "installsuffix", "overlay"}
	// otherValueFlags take a value that must not be read as a flag.
	otherValueFlags = []string{"o", "C", "p", "ldflags", "toolexec", "exec", "run", "skip", "bench", "count", "cpu", "parallel", "timeout", "benchtime", "coverprofile", "cpuprofile", "memprofile", "blockprofile", "mutexprofile", "outputdir", "trace", "vettool", "vet", "fuzz", "fuzztime", "fuzzminimizetime", "shuffle", "json", "f", "compiler", "gccgoflags", "reuse"}
)

// parentBuildFlags returns the build flags of the go command that runs this
// tool: read from its command line (Linux /proc). Where /proc is not
// there, -race and -trimpath are recovered from a compile's own arguments
// (go build -trimpath adds a module rewrite to the compile's -trimpath);
// GOFLAGS reaches the nested command through the environment.
func parentBuildFlags(toolArgs []string) []string {
	if flags, ok := goCommandLine(); ok {
		return flags
	}
	var flags []string
	if slices.Contains(toolArgs, "-race") {
		flags = append(flags, "-race")
	}
	if i := slices.Index(toolArgs, "-trimpath"); i >= 0 && i+1 < len(toolArgs) && strings.Contains(toolArgs[i+1], ";") {
		flags = append(flags, "-trimpath")
	}
	return flags
}

// goCommandLine returns the build flags of the nearest ancestor process
// that is a go build, test, install, run, vet or list.
func goCommandLine() ([]string, bool) {
	pid := os.Getppid()
	for range 4 {
		args := processArgs(pid)
		if args == nil {
			return nil, false
		}
		if len(args) > 1 && strings.TrimSuffix(filepath.Base(args[0]), ".exe") == "go" {
			args = skipChdir(args[1:])
			if len(args) > 0 && isBuildVerb(args[0]) {
				return coverMainModules(args[0], buildFlags(args[0], args[1:])), true
			}
		}
		pid = parentPID(pid)
		if pid <= 1 {
			return nil, false
		}
	}
	return nil, false
}

// skipChdir drops a leading -C dir, which must come before the verb.
func skipChdir(args []string) []string {
	switch {
	case len(args) > 1 && (args[0] == "-C" || args[0] == "--C"):
		return args[2:]
	case len(args) > 0 && (strings.HasPrefix(args[0], "-C=") || strings.HasPrefix(args[0], "--C=")):
		return args[1:]
	}
	return args
}

func isBuildVerb(v string) bool {
	return slices.Contains([]string{"build", "test", "install", "run", "vet", "list", "get"}, v)
}

func processArgs(pid int) []string {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
	if err != nil || len(data) == 0 {
		return nil
	}
	return strings.Split(string(bytes.TrimRight(data, "\x00")), "\x00")
}

func parentPID(pid int) int {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// pid (comm) state ppid ...; comm may hold spaces and parentheses.
	i := bytes.LastIndexByte(data, ')')
	var state string
	var ppid int
	if i < 0 || func() bool { _, err := fmt.Sscan(string(data[i+1:]), &state, &ppid); return err != nil }() {
		return 0
	}
	return ppid
}

// buildFlags keeps the flags of a go command's args (after the verb) that
// change a nested build, each as one -name=value argument. go test takes
// flags after its packages too; go run's program arguments follow the
// first non-flag.
func buildFlags(verb string, args []string) []string {
	var out []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" || (verb == "run" && !strings.HasPrefix(a, "-")) {
			break
		}
		if !strings.HasPrefix(a, "-") {
			continue
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		switch {
		case slices.Contains(boolFlags, name):
			out = append(out, "-"+name+valueSuffix(value, hasValue))
		case slices.Contains(valueFlags, name):
			if !hasValue && i+1 < len(args) {
				i++
				value = args[i]
			}
			out = append(out, "-"+name+"="+value)
		case slices.Contains(otherValueFlags, name) && !hasValue:
			i++
		}
	}
	return out
}

func valueSuffix(value string, has bool) string {
	if !has {
		return ""
	}
	return "=" + value
}

// coverMainModules makes a nested go list cover what go build -cover
// covers: without -coverpkg, the main modules' packages (go list would
// cover the packages it names, and so differ from the parent's archives).
func coverMainModules(verb string, flags []string) []string {
	cover := false
	for _, f := range flags {
		if strings.HasPrefix(f, "-coverpkg=") {
			return flags
		}
		cover = cover || f == "-cover" || strings.HasPrefix(f, "-covermode=")
	}
	if !cover || verb == "test" {
		return flags
	}
	cwd, err := os.Getwd()
	if err != nil {
		return flags
	}
	var pkgs []string
	for _, m := range mainModules(cwd) {
		pkgs = append(pkgs, m+"/...")
	}
	if len(pkgs) == 0 {
		return flags
	}
	return append(flags, "-coverpkg="+strings.Join(pkgs, ","))
}
