package toolexec

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// toolVersion returns the real tool's -V=full line. cmd/go asks for it on
// every build, warm no-ops included, so the line is kept in the user cache
// directory, keyed by the tool's path, size and modification time and by
// the environment that changes the line (compile prints the experiments
// that GOEXPERIMENT turns on against GOOS/GOARCH's defaults); where there
// is no cache directory the tool runs each time.
func toolVersion(tool string) (string, int) {
	st, err := os.Stat(tool)
	if err != nil {
		return toolOutput(tool, []string{"-V=full"})
	}
	stamp := fmt.Sprintf("%d %d %q", st.Size(), st.ModTime().UnixNano(), versionEnv())
	cache := toolVersionFile(tool)
	if data, err := os.ReadFile(cache); err == nil {
		if s, line, ok := strings.Cut(string(data), "\n"); ok && s == stamp {
			return line, 0
		}
	}
	line, code := toolOutput(tool, []string{"-V=full"})
	if code == 0 && cache != "" && os.MkdirAll(filepath.Dir(cache), 0o755) == nil {
		tmp := fmt.Sprintf("%s.%d", cache, os.Getpid())
		if os.WriteFile(tmp, []byte(stamp+"\n"+line), 0o644) == nil {
			os.Rename(tmp, cache) // atomic: concurrent builds read whole files
		}
	}
	return line, code
}

func toolVersionFile(tool string) string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	sum := sha256.Sum256([]byte(tool))
	return filepath.Join(dir, "hookweave", "tool-version-"+hex.EncodeToString(sum[:8]))
}

// versionEnv is the environment a tool's -V=full line depends on.
func versionEnv() string {
	var b strings.Builder
	for _, k := range []string{"GOEXPERIMENT", "GOOS", "GOARCH"} {
		b.WriteString(k + "=" + os.Getenv(k) + ";")
	}
	return b.String()
}
