package toolexec

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"runtime/debug"
)

// selfVersion returns hookweave's own version and a digest that changes
// whenever its code does: the module version and checksum when it was
// built from a versioned module (go install, go get -tool), otherwise the
// version label ("dev" for a local build: cmd/go rejects a version line that
// says "devel" without a build ID) and the executable's Go build ID (a hash
// of its content that the linker embeds), or a hash of the whole file when
// it has none. A module replaced by a directory has no checksum: its
// version says nothing of its content.
func selfVersion() (version, digest string, err error) {
	version = "dev"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		version = bi.Main.Version
		if bi.Main.Sum != "" && bi.Main.Replace == nil {
			return version, bi.Main.Path + "@" + version + " " + bi.Main.Sum, nil
		}
	}
	exe, err := os.Executable()
	if err != nil {
		return "", "", fmt.Errorf("locating the hookweave executable: %w", err)
	}
	id, err := executableID(exe)
	if err != nil {
		return "", "", err
	}
	return version, id, nil
}

// cmd/link writes the build ID near the start of every executable: in ELF
// as a note (namesz 4, descsz, type 4, "Go\x00\x00", the ID), elsewhere
// after buildIDMarker.
var (
	buildIDMarker = []byte("\xff Go build ID: \"")
	elfNoteName   = []byte("\x04\x00\x00\x00Go\x00\x00") // type 4 (little endian), then the name
)

func executableID(exe string) (string, error) {
	f, err := os.Open(exe)
	if err != nil {
		return "", fmt.Errorf("reading the hookweave executable: %w", err)
	}
	defer f.Close()
	head := make([]byte, 32<<10)
	n, _ := io.ReadFull(f, head)
	if id := findBuildID(head[:n]); id != "" {
		return "buildid " + id, nil
	}
	h := sha256.New()
	h.Write(head[:n])
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("hashing the hookweave executable: %w", err)
	}
	return "sha256 " + hex.EncodeToString(h.Sum(nil)), nil
}

func findBuildID(head []byte) string {
	if i := bytes.Index(head, elfNoteName); i >= 8 {
		size := int(binary.LittleEndian.Uint32(head[i-4:]))
		start := i + len(elfNoteName)
		if binary.LittleEndian.Uint32(head[i-8:]) == 4 && start+size <= len(head) {
			return string(bytes.TrimRight(head[start:start+size], "\x00"))
		}
	}
	i := bytes.Index(head, buildIDMarker)
	if i < 0 {
		return ""
	}
	rest := head[i+len(buildIDMarker):]
	j := bytes.IndexByte(rest, '"')
	if j <= 0 {
		return ""
	}
	return string(rest[:j])
}
