package release

import (
	"bytes"
	"encoding/json"
	"errors"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/orcgen/orcgen/gen"
	"github.com/orcgen/orcgen/internal/testenv"
	"github.com/orcgen/orcgen/model"
)

// smallSet generates every artifact of testdata/models/small.json, with
// edit applied to the catalog first.
func smallSet(t *testing.T, edit func(*model.Catalog)) (*model.Catalog, *gen.Set) {
	t.Helper()
	cat := testenv.Catalog(t, "testdata", "models", "small.json")
	if edit != nil {
		edit(cat)
	}
	set, err := gen.Generate(cat, gen.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return cat, set
}

func fileNames(files []gen.File) []string {
	var names []string
	for _, f := range files {
		names = append(names, f.Path)
	}
	return names
}

func TestBuildFirstRelease(t *testing.T) {
	_, set := smallSet(t, nil)
	b, err := Build(set, nil)
	if err != nil {
		t.Fatal(err)
	}
	m, _ := set.Lookup(gen.ModelPath)
	name := "orcgen-catalog-20.0-" + Hash(m.Data)[:12] + ".tar.gz"
	if b.Archive != name {
		t.Errorf("archive %q, want %q", b.Archive, name)
	}
	if want := []string{NotesJSON, NotesMarkdown, SumsName, name}; !slices.Equal(fileNames(b.Files), want) {
		t.Errorf("files %q, want %q", fileNames(b.Files), want)
	}
	files := map[string][]byte{}
	for _, f := range b.Files {
		files[f.Path] = f.Data
	}
	prefix, members, err := ReadArchive(files[name])
	if err != nil || prefix != strings.TrimSuffix(name, ".tar.gz") {
		t.Fatalf("ReadArchive: %q, %v", prefix, err)
	}
	if !slices.EqualFunc(members, set.Files, func(a, b gen.File) bool { return a.Path == b.Path && bytes.Equal(a.Data, b.Data) }) {
		t.Errorf("members %q, want the set's %q", fileNames(members), fileNames(set.Files))
	}
	md := string(files[NotesMarkdown])
	for _, want := range []string{
		"# Error catalog: Orchestrator 20.0, page 000000000000\n\nFirst release: 7 codes, 10 spec names.\n",
		"\n## Bundle\n\n`" + name + "` (sha256 `" + Hash(files[name]) + "`) holds, under `" + prefix + "/`:\n\n- `docs/response-codes.md`\n",
		"\n- `orcgen.lock.json`\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("%s lacks %q:\n%s", NotesMarkdown, want, md)
		}
	}
	var doc notesDoc
	if err := json.Unmarshal(files[NotesJSON], &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Archive != name || doc.SHA256 != Hash(files[name]) || !doc.FirstRelease || string(doc.Changes) != "null" ||
		doc.Catalog.Version != "20.0" || len(doc.Members) != len(set.Files) {
		t.Errorf("%s: %+v", NotesJSON, doc)
	}
	sums, err := ParseSums(files[SumsName])
	if err != nil || len(sums) != 3 {
		t.Fatalf("sums %+v, %v", sums, err)
	}
	for _, s := range sums {
		if s.SHA256 != Hash(files[s.Name]) {
			t.Errorf("%s: wrong sum", s.Name)
		}
	}
}

// TestBuildNotes compares with an older catalog: the notes name the
// changed and added codes, and say which Go constants appear.
func TestBuildNotes(t *testing.T) {
	old, _ := smallSet(t, func(c *model.Catalog) {
		c.Codes = slices.DeleteFunc(c.Codes, func(c model.Code) bool { return c.Code == 1003 })
		for i := range c.Codes {
			if c.Codes[i].Code == 1002 {
				c.Codes[i].Messages = []string{"Robot is missing."}
			}
		}
	})
	_, set := smallSet(t, nil)
	b, err := Build(set, &Previous{Catalog: old})
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, f := range b.Files {
		files[f.Path] = f.Data
	}
	md := string(files[NotesMarkdown])
	for _, want := range []string{
		"# Error catalog changes: Orchestrator 20.0, page 000000000000 → Orchestrator 20.0, page 000000000000\n",
		"\n- 1002 `ItemNotFound` messages: “Robot is missing.” → “Robot does not exist.”\n",
		"1003 `StringProtectFailed`",
		"\n## Bundle\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("%s lacks %q:\n%s", NotesMarkdown, want, md)
		}
	}
	var doc struct {
		FirstRelease bool `json:"firstRelease"`
		Changes      struct {
			Codes struct {
				Added   []struct{ Code int } `json:"added"`
				Changed []struct{ Code int } `json:"changed"`
			} `json:"codes"`
		} `json:"changes"`
	}
	if err := json.Unmarshal(files[NotesJSON], &doc); err != nil {
		t.Fatal(err)
	}
	if doc.FirstRelease || len(doc.Changes.Codes.Added) != 1 || doc.Changes.Codes.Added[0].Code != 1003 ||
		len(doc.Changes.Codes.Changed) != 1 || doc.Changes.Codes.Changed[0].Code != 1002 {
		t.Errorf("%s: %+v\n%s", NotesJSON, doc, files[NotesJSON])
	}
	// The previous release read back from its own archive compares equal.
	first, err := Build(set, nil)
	if err != nil {
		t.Fatal(err)
	}
	prev, err := PreviousFromArchive(first.Files[3].Data)
	if err != nil || prev.Lock == nil || len(prev.Catalog.Codes) != 7 {
		t.Fatalf("PreviousFromArchive: %+v, %v", prev, err)
	}
	again, err := Build(set, prev)
	if err != nil {
		t.Fatal(err)
	}
	if md := string(again.Files[1].Data); !strings.Contains(md, "\nNo catalog changes.\n") {
		t.Errorf("notes against the same release:\n%s", md)
	}
}

func TestBuildNeedsModel(t *testing.T) {
	cat := testenv.Catalog(t, "testdata", "models", "small.json")
	set, err := gen.Generate(cat, gen.Options{Artifacts: []string{"go"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Build(set, nil); err == nil || !strings.Contains(err.Error(), "has no model.json") {
		t.Errorf("Build without model.json: %v", err)
	}
}

// bundleFS returns a MemFS holding the bundle of the small catalog, and the
// bundle.
func bundleFS(t *testing.T, edit func(*model.Catalog)) (*gen.MemFS, *Bundle) {
	t.Helper()
	_, set := smallSet(t, edit)
	b, err := Build(set, nil)
	if err != nil {
		t.Fatal(err)
	}
	fsys := gen.NewMemFS(nil)
	if _, err := Write(fsys, b, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	return fsys, b
}

func TestWrite(t *testing.T) {
	fsys, b := bundleFS(t, nil)
	if want := fileNames(b.Files); !slices.Equal(slices.Sorted(maps.Keys(fsys.Files)), want) {
		t.Errorf("files %q, want %q", slices.Sorted(maps.Keys(fsys.Files)), want)
	}
	res, err := Write(fsys, b, WriteOptions{})
	if err != nil || len(res.Written) != 0 || len(res.Unchanged) != 4 {
		t.Errorf("second Write: %+v, %v", res, err)
	}

	// Another release replaces it: the old archive goes.
	_, set := smallSet(t, func(c *model.Catalog) { c.Codes = c.Codes[1:] })
	next, err := Build(set, nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err = Write(fsys, next, WriteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(res.Removed, []string{b.Archive}) || len(res.Written) != 4 {
		t.Errorf("Write over the previous release: %+v", res)
	}
	if want := fileNames(next.Files); !slices.Equal(slices.Sorted(maps.Keys(fsys.Files)), want) {
		t.Errorf("files %q, want %q", slices.Sorted(maps.Keys(fsys.Files)), want)
	}
}

// TestWriteForeign: files orcgen did not write are refused and nothing
// changes, unless Force; a SHA256SUMS that is not a release's owns nothing.
func TestWriteForeign(t *testing.T) {
	_, set := smallSet(t, nil)
	b, err := Build(set, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"notes", map[string]string{NotesMarkdown: "ours\n", "other.txt": "x"}, []string{NotesMarkdown}},
		{"sums", map[string]string{SumsName: Hash([]byte("x")) + "  other.txt\n", NotesJSON: "{}"}, []string{NotesJSON, SumsName}},
		{"not sums", map[string]string{SumsName: "hello\n"}, []string{SumsName}},
	} {
		fsys := gen.NewMemFS(tc.files)
		before := maps.Clone(fsys.Files)
		_, err := Write(fsys, b, WriteOptions{})
		var fe *gen.ForeignFileError
		if !errors.As(err, &fe) || !slices.Equal(fe.Paths, tc.want) {
			t.Errorf("%s: %v, want %q refused", tc.name, err, tc.want)
		}
		if !maps.EqualFunc(before, fsys.Files, bytes.Equal) {
			t.Errorf("%s: the directory changed", tc.name)
		}
		if _, err := Write(fsys, b, WriteOptions{Force: true}); err != nil {
			t.Errorf("%s: -force: %v", tc.name, err)
		}
		if string(fsys.Files[NotesMarkdown]) != string(b.Files[1].Data) {
			t.Errorf("%s: -force did not write the notes", tc.name)
		}
	}
}

// TestWriteFails: a failure at any file before the commit leaves the
// directory holding the previous release as it was.
func TestWriteFails(t *testing.T) {
	_, set := smallSet(t, func(c *model.Catalog) { c.Codes = c.Codes[1:] })
	next, err := Build(set, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range next.Files {
		fsys, _ := bundleFS(t, nil)
		before := maps.Clone(fsys.Files)
		fsys.Fail = func(op, name string) error {
			if op == "stage" && name == f.Path {
				return errors.New("disk full")
			}
			return nil
		}
		if _, err := Write(fsys, next, WriteOptions{}); err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Errorf("stage %s fails: %v", f.Path, err)
		}
		if !maps.EqualFunc(before, fsys.Files, bytes.Equal) {
			t.Errorf("stage %s fails: the directory changed", f.Path)
		}
	}
}
