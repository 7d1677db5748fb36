package release

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/orcgen/orcgen/gen"
)

// ModTime is the modification time of every archive member: the Unix
// epoch, so that the archive does not depend on when it was built.
var ModTime = time.Unix(0, 0).UTC()

// Mode is the permission bits of every archive member.
const Mode = 0o644

// maxMember bounds one member's size when an archive is read back.
const maxMember = 256 << 20

// Archive returns a gzip-compressed tar of files, each under the directory
// prefix (no directory entries), sorted by path, with ModTime, Mode, uid
// and gid 0 and no owner names; the gzip header has no name and no time.
// The same files give the same bytes, whatever their order.
func Archive(prefix string, files []gen.File) ([]byte, error) {
	if !fs.ValidPath(prefix) || prefix == "." || strings.Contains(prefix, "/") {
		return nil, fmt.Errorf("archive: invalid directory %q", prefix)
	}
	sorted := slices.Clone(files)
	slices.SortFunc(sorted, func(a, b gen.File) int { return strings.Compare(a.Path, b.Path) })
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	tw := tar.NewWriter(zw)
	for i, f := range sorted {
		if !fs.ValidPath(f.Path) || f.Path == "." {
			return nil, fmt.Errorf("archive: invalid member %q", f.Path)
		}
		if i > 0 && sorted[i-1].Path == f.Path {
			return nil, fmt.Errorf("archive: member %q twice", f.Path)
		}
		hdr := &tar.Header{
			Typeflag: tar.TypeReg,
			Name:     path.Join(prefix, f.Path),
			Mode:     Mode,
			Size:     int64(len(f.Data)),
			ModTime:  ModTime,
		}
		if err := tw.WriteHeader(hdr); err != nil {
			return nil, fmt.Errorf("archive %q: %w", f.Path, err)
		}
		if _, err := tw.Write(f.Data); err != nil {
			return nil, fmt.Errorf("archive %q: %w", f.Path, err)
		}
	}
	if err := tw.Close(); err != nil {
		return nil, fmt.Errorf("archive: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("archive: %w", err)
	}
	return buf.Bytes(), nil
}

// ReadArchive reads an archive Archive wrote back: its directory prefix and
// its files, paths relative to the prefix, in archive order. Anything
// else (a directory entry, a link, a member outside the prefix, a member
// of more than 256 MiB) is an error naming the member.
func ReadArchive(data []byte) (prefix string, files []gen.File, err error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return "", nil, fmt.Errorf("read archive: %w", err)
	}
	tr := tar.NewReader(zr)
	for {
		hdr, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return "", nil, fmt.Errorf("read archive: %w", err)
		}
		dir, rest, ok := strings.Cut(hdr.Name, "/")
		switch {
		case hdr.Typeflag != tar.TypeReg:
			return "", nil, fmt.Errorf("read archive: member %q: not a regular file", hdr.Name)
		case !ok || !fs.ValidPath(hdr.Name) || prefix != "" && dir != prefix:
			return "", nil, fmt.Errorf("read archive: member %q: not in the bundle's directory", hdr.Name)
		case hdr.Size > maxMember:
			return "", nil, fmt.Errorf("read archive: member %q: %d bytes, more than %d", hdr.Name, hdr.Size, maxMember)
		}
		prefix = dir
		content, err := io.ReadAll(tr)
		if err != nil {
			return "", nil, fmt.Errorf("read archive: member %q: %w", hdr.Name, err)
		}
		files = append(files, gen.File{Path: rest, Data: content})
	}
	if prefix == "" {
		return "", nil, errors.New("read archive: no members")
	}
	return prefix, files, nil
}
