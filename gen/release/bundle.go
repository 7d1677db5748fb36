package release

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/orcgen/orcgen/gen"
	"github.com/orcgen/orcgen/gen/changes"
	"github.com/orcgen/orcgen/gen/naming"
	"github.com/orcgen/orcgen/model"
)

// Names of the files a release writes beside the archive.
const (
	// NotesMarkdown is the release notes as Markdown.
	NotesMarkdown = "RELEASE-NOTES.md"
	// NotesJSON is the release notes as JSON.
	NotesJSON = "RELEASE-NOTES.json"
)

// archivePrefix and archiveExt frame every archive's file name.
const (
	archivePrefix = "orcgen-catalog-"
	archiveExt    = ".tar.gz"
)

// Previous is the release a bundle's notes compare with.
type Previous struct {
	// Catalog is the previous release's model.
	Catalog *model.Catalog
	// Lock is the names lock the previous release was generated with, nil
	// when unknown (a bare model.json).
	Lock *naming.Lock
}

// Bundle is what a release writes into its directory.
type Bundle struct {
	// Archive is the archive's file name.
	Archive string
	// Files are the archive, the release notes (NotesMarkdown, NotesJSON)
	// and SumsName, sorted by path.
	Files []gen.File
}

// ArchiveName returns the archive's file name for a catalog whose spec has
// version and whose model.json is modelData:
// orcgen-catalog-<version>-<first 12 hex of model.json's SHA-256>.tar.gz,
// the version reduced by SafeVersion.
func ArchiveName(version string, modelData []byte) string {
	return archivePrefix + SafeVersion(version) + "-" + Hash(modelData)[:12] + archiveExt
}

// isArchiveName reports whether name has the form of ArchiveName's names.
func isArchiveName(name string) bool {
	return strings.HasPrefix(name, archivePrefix) && strings.HasSuffix(name, archiveExt) && !strings.ContainsAny(name, "/\\")
}

// SafeVersion reduces a spec version to characters safe in a file name on
// every system and in a URL: ASCII letters, digits, '.', '_' and '-'. Each
// run of other characters becomes one '-'; leading and trailing '.' and '-'
// go, and the result is at most 64 bytes. An empty result is "unversioned".
func SafeVersion(v string) string {
	var b strings.Builder
	dash := false
	for _, r := range v {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-'
		switch {
		case ok:
			b.WriteRune(r)
			dash = false
		case !dash:
			b.WriteByte('-')
			dash = true
		}
	}
	s := b.String()
	if len(s) > 64 {
		s = s[:64]
	}
	s = strings.Trim(s, ".-")
	if s == "" {
		return "unversioned"
	}
	return s
}

// Build makes the bundle of a generated set: the archive of every file of
// the set (model.json, the OpenAPI files, the Markdown docs, the Go package
// and the names lock), named by the spec version and model.json's hash;
// the release notes against prev (nil for a first release); and the
// checksums of those three files. The set must hold model.json.
func Build(set *gen.Set, prev *Previous) (*Bundle, error) {
	m, ok := set.Lookup(gen.ModelPath)
	if !ok {
		return nil, fmt.Errorf("release: the generated set has no %s", gen.ModelPath)
	}
	cat, err := DecodeModel(m.Data)
	if err != nil {
		return nil, fmt.Errorf("release: %s: %w", gen.ModelPath, err)
	}
	side := changes.SideOf(cat)
	name := ArchiveName(side.Version, m.Data)
	archive, err := Archive(strings.TrimSuffix(name, archiveExt), set.Files)
	if err != nil {
		return nil, fmt.Errorf("release: %w", err)
	}
	var notes *changes.Notes
	if prev != nil {
		notes, err = changes.NewNotesWithLock(prev.Catalog, cat, prev.Lock)
		if err != nil {
			return nil, fmt.Errorf("release notes: %w", err)
		}
	}
	r := releaseInfo{name: name, archive: archive, side: side, members: set.Files, notes: notes}
	notesJSON, err := r.json()
	if err != nil {
		return nil, fmt.Errorf("release notes: %w", err)
	}
	files := []gen.File{
		{Path: NotesJSON, Data: notesJSON},
		{Path: NotesMarkdown, Data: r.markdown()},
		{Path: name, Data: archive},
	}
	files = append(files, gen.File{Path: SumsName, Data: Sums(files)})
	slices.SortFunc(files, func(a, b gen.File) int { return strings.Compare(a.Path, b.Path) })
	return &Bundle{Archive: name, Files: files}, nil
}

// PreviousFromArchive reads the previous release from its archive: its
// model.json and, when the archive holds one, its names lock
// (orcgen.lock.json).
func PreviousFromArchive(data []byte) (*Previous, error) {
	_, files, err := ReadArchive(data)
	if err != nil {
		return nil, err
	}
	var prev Previous
	for _, f := range files {
		switch f.Path {
		case gen.ModelPath:
			if prev.Catalog, err = DecodeModel(f.Data); err != nil {
				return nil, fmt.Errorf("%s: %w", f.Path, err)
			}
		case gen.DefaultLockPath:
			l, err := gen.ParseLockfile(f.Data)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", f.Path, err)
			}
			prev.Lock = &naming.Lock{SchemaVersion: naming.LockSchemaVersion, Package: l.Package, Codes: l.Codes}
		}
	}
	if prev.Catalog == nil {
		return nil, fmt.Errorf("archive holds no %s", gen.ModelPath)
	}
	return &prev, nil
}

// DecodeModel decodes a model.json file orcgen wrote, of
// model.SchemaVersion or an earlier version (a previous release may be
// older than this build): fields a version lacks stay empty.
func DecodeModel(data []byte) (*model.Catalog, error) {
	cat, ok, err := model.Decode(data)
	switch {
	case err != nil:
		return nil, err
	case !ok:
		return nil, fmt.Errorf("not an orcgen model file: no schemaVersion or codes")
	}
	return cat, nil
}

// releaseInfo is what the release notes say.
type releaseInfo struct {
	name    string
	archive []byte
	side    changes.Side
	members []gen.File
	notes   *changes.Notes // nil for a first release
}

// member is one archive member in the JSON notes.
type member struct {
	Path   string `json:"path"`
	Size   int    `json:"size"`
	SHA256 string `json:"sha256"`
}

// notesDoc is RELEASE-NOTES.json.
type notesDoc struct {
	// Archive is the archive's file name, SHA256 its hash.
	Archive string `json:"archive"`
	SHA256  string `json:"sha256"`
	// Catalog describes the released catalog's sources.
	Catalog changes.Side `json:"catalog"`
	// FirstRelease is true when there was no previous release to compare
	// with; Changes is then null.
	FirstRelease bool `json:"firstRelease"`
	// Members are the archive's files, paths relative to its directory.
	Members []member `json:"members"`
	// Changes is the release note against the previous release, as
	// gen/changes writes it.
	Changes json.RawMessage `json:"changes"`
}

func (r releaseInfo) json() ([]byte, error) {
	doc := notesDoc{Archive: r.name, SHA256: Hash(r.archive), Catalog: r.side, FirstRelease: r.notes == nil, Changes: json.RawMessage("null")}
	for _, f := range r.members {
		doc.Members = append(doc.Members, member{Path: f.Path, Size: len(f.Data), SHA256: Hash(f.Data)})
	}
	if r.notes != nil {
		data, err := r.notes.JSON()
		if err != nil {
			return nil, err
		}
		doc.Changes = bytes.TrimSpace(data)
	}
	data, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}

func (r releaseInfo) markdown() []byte {
	var b bytes.Buffer
	if r.notes != nil {
		b.Write(bytes.TrimRight(r.notes.Markdown(), "\n"))
		b.WriteString("\n\n")
	} else {
		fmt.Fprintf(&b, "# Error catalog: %s\n\n", escape(r.side.Label()))
		fmt.Fprintf(&b, "First release: %s, %s.\n\n", plural(r.side.Codes, "code"), plural(r.side.Names, "spec name"))
	}
	dir := strings.TrimSuffix(r.name, archiveExt)
	fmt.Fprintf(&b, "## Bundle\n\n`%s` (sha256 `%s`) holds, under `%s/`:\n\n", r.name, Hash(r.archive), dir)
	for _, f := range r.members {
		fmt.Fprintf(&b, "- `%s`\n", f.Path)
	}
	fmt.Fprintf(&b, "\n`%s` lists the SHA-256 of the archive and of these notes: `sha256sum -c %s`.\n", SumsName, SumsName)
	return b.Bytes()
}

// plural writes n and noun, with an s unless n is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// escape makes text from the sources literal in Markdown: one line, its
// punctuation backslash-escaped.
func escape(s string) string {
	var b strings.Builder
	for _, r := range strings.Join(strings.Fields(s), " ") {
		if strings.ContainsRune("\\`*_[]<>|~", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }
