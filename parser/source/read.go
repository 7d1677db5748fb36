package source

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"strings"
)

// Input is a source's bytes and what is known about them.
type Input struct {
	// URI is the source as the caller gave it (file path or URL).
	URI string
	// Data is the whole body or file; empty, not nil, for an empty file.
	Data []byte
	// ContentType is the HTTP Content-Type header (charset included). For
	// a file it is the ContentType recorded in the file's snapshot
	// metadata (<file>.meta.json, written by Fetch) when that metadata
	// describes these very bytes (same SHA-256), so a snapshot is read in
	// the charset it was served with; "" otherwise.
	ContentType string
	// ETag and LastModified are the HTTP validators; "" for files.
	ETag, LastModified string
	// Previous is the snapshot Fetch is about to replace, when one of the
	// same source is on disk and intact, for the validator to compare the
	// new body with (a body much shorter than the last one is likely cut
	// short); nil otherwise, and always nil from Read.
	Previous *Input
}

// Read reads a file path or an http(s) URL. A source holding "://" is a URL
// and must be http or https (file:// is refused: give the path); anything
// else is a file path. Errors are *Error values naming the source.
func Read(ctx context.Context, src string, opts Options) (*Input, error) {
	opts.setDefaults()
	in, _, err := read(ctx, src, conditions{}, opts)
	if err != nil {
		return nil, err
	}
	return in, nil
}

// read reads src as Read does, sending cond with an HTTP request, and
// returns the HTTP status (0 for files).
func read(ctx context.Context, src string, cond conditions, opts Options) (*Input, int, error) {
	if err := ctx.Err(); err != nil {
		return nil, 0, &Error{Source: displaySource(src), Kind: Canceled, Err: err}
	}
	isURL, err := parseSource(src)
	if err != nil {
		return nil, 0, &Error{Source: displaySource(src), Kind: BadSource, Err: err}
	}
	if isURL {
		return readHTTP(ctx, src, cond, opts)
	}
	in, err := readFile(src, opts.MaxBytes)
	return in, 0, err
}

// parseSource reports whether src is an http(s) URL, and refuses sources
// that are neither a URL of those schemes nor a file path.
func parseSource(src string) (isURL bool, err error) {
	if src == "" {
		return false, errors.New("empty source: give a file path or an http(s) URL")
	}
	if !strings.Contains(src, "://") {
		return false, nil
	}
	u, err := url.Parse(src)
	if err != nil {
		return false, fmt.Errorf("malformed URL: %w", unwrapURLError(err))
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Host == "" {
			return false, errors.New("URL has no host")
		}
		return true, nil
	case "file":
		return false, fmt.Errorf("file URLs are not supported: give the path %q instead", u.Path)
	default:
		return false, fmt.Errorf("unsupported scheme %q: give a file path or an http(s) URL", u.Scheme)
	}
}

// readFile reads the file at path, refusing one larger than maxBytes.
func readFile(path string, maxBytes int64) (*Input, error) {
	fail := func(kind Kind, err error) (*Input, error) {
		return nil, &Error{Source: path, Kind: kind, Err: err}
	}
	f, err := os.Open(path)
	if err != nil {
		var pathErr *fs.PathError
		if errors.As(err, &pathErr) {
			err = pathErr.Err
		}
		if errors.Is(err, fs.ErrNotExist) {
			return fail(NotFound, err)
		}
		return fail(Unreadable, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return fail(Unreadable, err)
	}
	if info.IsDir() {
		return fail(Unreadable, errors.New("is a directory, not a file"))
	}
	data, err := io.ReadAll(io.LimitReader(f, maxBytes+1))
	if err != nil {
		return fail(Unreadable, err)
	}
	if int64(len(data)) > maxBytes {
		return fail(TooLarge, fmt.Errorf("file exceeds the %d-byte limit", maxBytes))
	}
	return &Input{URI: path, Data: data, ContentType: snapshotContentType(path, data)}, nil
}

// snapshotContentType returns the Content-Type recorded in the snapshot
// metadata beside path when it describes data, or "".
func snapshotContentType(path string, data []byte) string {
	meta, err := readMetadata(path + metaSuffix)
	if err != nil {
		return ""
	}
	sum := sha256.Sum256(data)
	if hex.EncodeToString(sum[:]) != meta.SHA256 {
		return ""
	}
	return meta.ContentType
}
