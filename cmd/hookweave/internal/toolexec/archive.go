package toolexec

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// memberName is the archive member that records what hookweave did to a
// package. The linker skips members whose names are shorter than 16
// characters and do not end in .o or .syso.
const memberName = "hookweave.inj"

const (
	arMagic  = "!<arch>\n"
	arHdrLen = 60
)

// appendMember appends a member to the ar archive at path: a 60-byte header
// (name, date, uid, gid, mode, size, "`\n") and the data, padded to an even
// length, as cmd/pack writes them.
func appendMember(path, name string, data []byte) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return fmt.Errorf("recording injected packages: %w", err)
	}
	defer f.Close()
	magic := make([]byte, len(arMagic))
	if _, err := io.ReadFull(f, magic); err != nil || string(magic) != arMagic {
		return fmt.Errorf("recording injected packages: %s is not an archive", path)
	}
	end, err := f.Seek(0, io.SeekEnd)
	if err != nil {
		return fmt.Errorf("recording injected packages: %w", err)
	}
	var buf bytes.Buffer
	if end%2 != 0 {
		buf.WriteByte('\n')
	}
	fmt.Fprintf(&buf, "%-16s%-12d%-6d%-6d%-8o%-10d`\n", name, 0, 0, 0, 0o644, len(data))
	buf.Write(data)
	if len(data)%2 != 0 {
		buf.WriteByte('\n')
	}
	if _, err := f.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("recording injected packages: %w", err)
	}
	return f.Close()
}

// readMember returns the data of the named member of the ar archive at
// path, or nil when it has none. It reads only the headers on the way.
func readMember(path, name string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	magic := make([]byte, len(arMagic))
	if _, err := io.ReadFull(f, magic); err != nil || string(magic) != arMagic {
		return nil, nil // an object file, not an archive
	}
	off := int64(len(arMagic))
	hdr := make([]byte, arHdrLen)
	for {
		if _, err := f.ReadAt(hdr, off); err != nil {
			if errors.Is(err, io.EOF) {
				return nil, nil
			}
			return nil, err
		}
		size, err := strconv.ParseInt(strings.TrimSpace(string(hdr[48:58])), 10, 64)
		if err != nil || string(hdr[58:60]) != "`\n" {
			return nil, fmt.Errorf("%s: malformed archive", path)
		}
		if strings.TrimSpace(string(hdr[:16])) == name {
			data := make([]byte, size)
			_, err := f.ReadAt(data, off+arHdrLen)
			return data, err
		}
		off += arHdrLen + size + size%2
	}
}
