package spec

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/google/renameio/v2"

	"github.com/orcgen/orcgen/model"
)

// CacheEnv names the environment variable that controls the spec cache:
// "off" disables it, any other non-empty value is the cache directory, and
// unset (or empty) means <os.UserCacheDir()>/orcgen/spec.
const CacheEnv = "ORCGEN_CACHE"

// cacheFormat is part of every cache key. Bump it whenever extraction or the
// meaning of model.Spec changes, so that entries written by an older build
// are never read (a released build's module version is in the key too).
const cacheFormat = 3

// Cache is a content-addressed store of spec facts. An entry's name is the
// SHA-256 of the definition's bytes, the options that change the facts and
// the cache format; its content is the facts' Snapshot. Reading or writing
// an entry never fails a load: a missing, unreadable or corrupt entry means
// a fresh load, whose facts are then written back atomically.
type Cache struct {
	// Dir holds the entries, one <key>.json file each; "" disables the cache.
	Dir string
}

// DefaultCache returns the cache that CacheEnv selects, reading the
// environment through getenv (os.Getenv): disabled for "off", the named
// directory for any other value, otherwise orcgen/spec under the user's
// cache directory, or disabled when there is none.
func DefaultCache(getenv func(string) string) Cache {
	switch v := getenv(CacheEnv); v {
	case "off":
		return Cache{}
	case "":
		dir, err := os.UserCacheDir()
		if err != nil {
			return Cache{}
		}
		return Cache{Dir: filepath.Join(dir, "orcgen", "spec")}
	default:
		return Cache{Dir: v}
	}
}

// Load returns the same facts as the package's Load, reading them from the
// cache when an entry for these bytes and options exists. Source.URI is
// always opts.URI, the name of this read. Snapshots (already fast) and
// definitions loaded with AllowExternalRefs (whose facts depend on other
// files) bypass the cache, and failed loads are never stored.
func (c Cache) Load(data []byte, opts Options) (*model.Spec, error) {
	if c.Dir == "" || opts.AllowExternalRefs {
		return Load(data, opts)
	}
	if kind, err := detectKind(data); err != nil || kind == kindSnapshot {
		return Load(data, opts)
	}
	path := filepath.Join(c.Dir, cacheKey(data, opts)+".json")
	if s, ok := readEntry(path, data); ok {
		s.Source.URI = opts.URI
		return s, nil
	}
	s, err := Load(data, opts)
	if err != nil {
		return nil, err
	}
	writeEntry(path, s)
	return s, nil
}

// LoadDocumentAndFacts returns what the package's LoadDocumentAndFacts
// returns, from one parse and validation: the document cannot come from the
// cache, but the facts go into it, so that a later command that needs only
// facts (model, generate, check) finds them. An entry is written only when
// none valid exists; loads with AllowExternalRefs are not stored.
func (c Cache) LoadDocumentAndFacts(data []byte, opts Options) (*openapi3.T, *model.Spec, error) {
	doc, s, err := LoadDocumentAndFacts(data, opts)
	if err != nil || c.Dir == "" || opts.AllowExternalRefs {
		return doc, s, err
	}
	path := filepath.Join(c.Dir, cacheKey(data, opts)+".json")
	if _, ok := readEntry(path, data); !ok {
		writeEntry(path, s)
	}
	return doc, s, nil
}

// cacheKey returns the hex SHA-256 naming the entry of data under opts.
func cacheKey(data []byte, opts Options) string {
	h := sha256.New()
	fmt.Fprintf(h, "orcgen spec cache\x00format %d\x00build %s\x00external refs %t\x00",
		cacheFormat, buildVersion(), opts.AllowExternalRefs)
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil))
}

// buildVersion returns the versions of orcgen and kin-openapi this binary
// was built with ("(devel)" for a build from a checkout, where only
// cacheFormat tells builds apart).
func buildVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	v := "main " + info.Main.Path + "@" + info.Main.Version
	for _, d := range info.Deps {
		switch d.Path {
		case "github.com/orcgen/orcgen", "github.com/getkin/kin-openapi":
			v += " " + d.Path + "@" + d.Version
		}
	}
	return v
}

// readEntry returns the facts stored at path if the entry is a valid
// snapshot of exactly these bytes. The facts are returned as a fresh Load
// returns them: Snapshot is 0.
func readEntry(path string, data []byte) (*model.Spec, bool) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, false
	}
	s, err := loadSnapshot(b)
	if err != nil || checkLimits(s) != nil {
		return nil, false // a fresh load reports what is wrong
	}
	sum := sha256.Sum256(data)
	if s.Source.Kind != model.SourceSpec || s.Source.SHA256 != hex.EncodeToString(sum[:]) {
		return nil, false
	}
	s.Snapshot = 0
	return s, true
}

// writeEntry stores the snapshot of s at path through a temporary file
// renamed into place, so that readers never see half an entry. Failures are
// ignored: the cache only ever saves time.
func writeEntry(path string, s *model.Spec) {
	b, err := Snapshot(s)
	if err != nil {
		return
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return
	}
	_ = renameio.WriteFile(path, b, 0o644, renameio.WithTempDir(dir))
}
