package source

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/google/renameio/v2"
)

// metaSuffix ends the name of a snapshot's metadata file.
const metaSuffix = ".meta.json"

// maxMetaBytes bounds the metadata file read back from a previous snapshot.
const maxMetaBytes = 1 << 20

// Metadata describes a snapshot; it is stored as <name>.meta.json.
type Metadata struct {
	// URL is the source fetched, without user information or query (Redact).
	URL string `json:"url"`
	// FetchedAt is when the body was fetched, RFC 3339 in UTC, to the
	// second.
	FetchedAt string `json:"fetchedAt"`
	// SHA256 is the hex SHA-256 of the body file.
	SHA256 string `json:"sha256"`
	// ETag is the response's ETag header, "" if none.
	ETag string `json:"etag"`
	// LastModified is the response's Last-Modified header, "" if none.
	LastModified string `json:"lastModified"`
	// ContentType is the response's Content-Type header, "" for files.
	ContentType string `json:"contentType"`
	// Status is the HTTP status of the response that delivered the body
	// (200), 0 for a file.
	Status int `json:"status"`
}

// FetchResult tells what Fetch left on disk.
type FetchResult struct {
	// Path is the body file, <dir>/<name>.
	Path string
	// MetaPath is the metadata file, <dir>/<name>.meta.json.
	MetaPath string
	// NotModified is true when the server answered 304 to the conditional
	// request and the previous snapshot was kept as it was.
	NotModified bool
	// Unchanged is true when the body and metadata other than FetchedAt
	// equal the previous snapshot's, which was therefore kept as it was.
	Unchanged bool
	// SHA256 is the hex SHA-256 of the body on disk.
	SHA256 string
	// Meta is the metadata on disk.
	Meta Metadata
}

// snapshot is a previous snapshot read back from disk.
type snapshot struct {
	meta Metadata
	body []byte
}

// Fetch downloads src into dir as a snapshot: the body as <name> and its
// Metadata as <name>.meta.json. When a previous snapshot of the same source
// is present and intact (its body matches its sha256), the request is
// conditional (If-None-Match, If-Modified-Since) and a 304 answer reuses it.
// validate, if not nil, is called on a new body, with the previous
// snapshot as its Previous; when it refuses the body,
// or anything else fails, nothing on disk is changed and an error is
// returned (an *Error for a failure to read or a refused body). A new
// snapshot is written only after validation, each file atomically (temp
// file and rename), and not at all when it equals the previous one.
func Fetch(ctx context.Context, src, dir, name string, validate func(*Input) error, opts Options) (*FetchResult, error) {
	opts.setDefaults()
	if err := checkName(name); err != nil {
		return nil, err
	}
	res := &FetchResult{Path: filepath.Join(dir, name), MetaPath: filepath.Join(dir, name+metaSuffix)}
	prev := loadSnapshot(res.Path, res.MetaPath, displaySource(src))
	in, status, err := read(ctx, src, prev.conditions(), opts)
	if err != nil {
		return nil, err
	}
	if status == http.StatusNotModified {
		res.NotModified, res.SHA256, res.Meta = true, prev.meta.SHA256, prev.meta
		return res, nil
	}
	if prev != nil {
		in.Previous = &Input{URI: in.URI, Data: prev.body, ContentType: prev.meta.ContentType,
			ETag: prev.meta.ETag, LastModified: prev.meta.LastModified}
	}
	if validate != nil {
		if err := validate(in); err != nil {
			return nil, &Error{Source: displaySource(src), Kind: BadContent, Status: status,
				Err: fmt.Errorf("refused by validator: %w", err)}
		}
	}
	meta := newMetadata(in, status, opts.Now())
	if prev != nil && prev.meta.sameAs(meta) {
		res.Unchanged, res.SHA256, res.Meta = true, prev.meta.SHA256, prev.meta
		return res, nil
	}
	if err := writeSnapshot(res.Path, res.MetaPath, in.Data, meta); err != nil {
		return nil, err
	}
	res.SHA256, res.Meta = meta.SHA256, meta
	return res, nil
}

// checkName refuses a snapshot name that is not a plain file name.
func checkName(name string) error {
	if name == "" || name == "." || name == ".." || strings.ContainsAny(name, `/\`) ||
		name != filepath.Base(name) || strings.HasSuffix(name, metaSuffix) {
		return fmt.Errorf("snapshot name %q is not a plain file name", name)
	}
	return nil
}

// newMetadata describes in, received with status at now.
func newMetadata(in *Input, status int, now time.Time) Metadata {
	sum := sha256.Sum256(in.Data)
	return Metadata{
		URL:          displaySource(in.URI),
		FetchedAt:    now.UTC().Truncate(time.Second).Format(time.RFC3339),
		SHA256:       hex.EncodeToString(sum[:]),
		ETag:         in.ETag,
		LastModified: in.LastModified,
		ContentType:  in.ContentType,
		Status:       status,
	}
}

// sameAs reports whether m and o describe the same snapshot, FetchedAt
// aside.
func (m Metadata) sameAs(o Metadata) bool {
	m.FetchedAt = o.FetchedAt
	return m == o
}

// loadSnapshot reads back the snapshot at path and metaPath. It returns nil
// when there is none, it is of another source than url, or its body does
// not match its hash: such a snapshot is not used for a conditional request.
func loadSnapshot(path, metaPath, url string) *snapshot {
	meta, err := readMetadata(metaPath)
	if err != nil || meta.URL != url {
		return nil
	}
	body, err := readCapped(path, DefaultMaxBytes<<2)
	if err != nil {
		return nil
	}
	sum := sha256.Sum256(body)
	if hex.EncodeToString(sum[:]) != meta.SHA256 {
		return nil
	}
	return &snapshot{meta: meta, body: body}
}

// readMetadata reads the snapshot metadata file at metaPath, strictly.
func readMetadata(metaPath string) (Metadata, error) {
	var meta Metadata
	raw, err := readCapped(metaPath, maxMetaBytes)
	if err != nil {
		return meta, err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	err = dec.Decode(&meta)
	return meta, err
}

// conditions returns the validators to send for s; none when s is nil.
func (s *snapshot) conditions() conditions {
	if s == nil {
		return conditions{}
	}
	return conditions{etag: s.meta.ETag, lastModified: s.meta.LastModified}
}

// readCapped reads the file at path, refusing one over maxBytes.
func readCapped(path string, maxBytes int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxBytes+1))
	if err == nil && int64(len(data)) > maxBytes {
		err = errors.New("file too large")
	}
	return data, err
}

// writeSnapshot writes body to path and meta to metaPath, creating their
// directory if needed. Both files are written to temp files first and
// renamed into place only when both are complete, body first.
func writeSnapshot(path, metaPath string, body []byte, meta Metadata) error {
	metaJSON, err := json.MarshalIndent(meta, "", "  ")
	if err != nil {
		return fmt.Errorf("encode snapshot metadata: %w", err)
	}
	metaJSON = append(metaJSON, '\n')
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("write snapshot: %w", err)
	}
	bodyFile, err := pendingFile(path, body)
	if err != nil {
		return err
	}
	defer bodyFile.Cleanup()
	metaFile, err := pendingFile(metaPath, metaJSON)
	if err != nil {
		return err
	}
	defer metaFile.Cleanup()
	if err := bodyFile.CloseAtomicallyReplace(); err != nil {
		return fmt.Errorf("write snapshot %q: %w", path, err)
	}
	if err := metaFile.CloseAtomicallyReplace(); err != nil {
		return fmt.Errorf("write snapshot %q: %w", metaPath, err)
	}
	return nil
}

// pendingFile writes data to a temp file that will replace path.
func pendingFile(path string, data []byte) (*renameio.PendingFile, error) {
	pf, err := renameio.NewPendingFile(path, renameio.WithPermissions(0o644))
	if err != nil {
		return nil, fmt.Errorf("write snapshot %q: %w", path, err)
	}
	if _, err := pf.Write(data); err != nil {
		pf.Cleanup()
		return nil, fmt.Errorf("write snapshot %q: %w", path, err)
	}
	return pf, nil
}
