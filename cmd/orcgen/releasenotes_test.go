package main

// The release-note goldens are built from real sources through the parser,
// as the diff command builds them; they live here, where the command joins
// parser and gen, so that nothing under gen/ imports the parser.

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/orcgen/orcgen/gen"
	"github.com/orcgen/orcgen/gen/changes"
	"github.com/orcgen/orcgen/gen/markdown/mdtest"
	"github.com/orcgen/orcgen/gen/naming"
	"github.com/orcgen/orcgen/internal/testenv"
	"github.com/orcgen/orcgen/model"
	"github.com/orcgen/orcgen/parser"
	"github.com/orcgen/orcgen/parser/defaults"
	"github.com/orcgen/orcgen/parser/page"
	"github.com/orcgen/orcgen/parser/spec"
)

// joinSources parses a page and loads a spec (each named by uri) and joins
// them.
func joinSources(t *testing.T, pageData []byte, pageURI string, specData []byte, specURI string) *model.Catalog {
	t.Helper()
	p, err := page.Parse(pageData, page.Options{URI: pageURI})
	if err != nil {
		t.Fatal(err)
	}
	s, err := spec.Load(specData, spec.Options{URI: specURI})
	if err != nil {
		t.Fatal(err)
	}
	cat, err := parser.Join(p, s, parser.JoinOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// sharedCatalog joins the embedded page with a spec of ../shared/specs.
func sharedCatalog(t *testing.T, name string) *model.Catalog {
	t.Helper()
	data, err := os.ReadFile(testenv.Shared(t, "specs", name))
	if err != nil {
		t.Fatal(err)
	}
	return joinSources(t, defaults.Page, defaults.PageURI, data, name)
}

// checkNotes compares both renderings of n with the goldens
// testdata/golden/changes/<name>.md and .json (written with -update), and
// reads the Markdown back.
func checkNotes(t *testing.T, name string, n *changes.Notes) {
	t.Helper()
	md := n.Markdown()
	testenv.Golden(t, *update, filepath.Join(testenv.Root(), "testdata", "golden", "changes", name+".md"), md)
	js, err := n.JSON()
	if err != nil {
		t.Fatal(err)
	}
	testenv.Golden(t, *update, filepath.Join(testenv.Root(), "testdata", "golden", "changes", name+".json"), js)
	if err := mdtest.CheckTables(md); err != nil {
		t.Errorf("release note does not read back: %v", err)
	}
}

func TestReleaseNotes18To20(t *testing.T) {
	old := sharedCatalog(t, "orchestrator-v18.0.yaml")
	new := sharedCatalog(t, "orchestrator-v20.0.yaml")
	n, err := changes.NewNotes(old, new)
	if err != nil {
		t.Fatal(err)
	}
	checkNotes(t, "v18-v20", n)

	md := string(n.Markdown())
	for _, want := range []string{
		"# Error catalog changes: UiPath.WebApi 18.0, page f9aae70fc8a1 → UiPath.WebApi 20.0, page f9aae70fc8a1\n",
		"| Spec version | 18.0 | 20.0 |\n",
		"- `ServerlessRobotJobTypeInvalid` → `ServerlessJobTypeInvalid`\n",
		"### Name constants renamed (1)\n\nBreaking: Name constants are not locked, so the old constant is not kept.\n\n- `NameServerlessRobotJobTypeInvalid` → `NameServerlessJobTypeInvalid`\n",
		"### Name constants removed (9)\n\nBreaking: ",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("release note lacks %q", want)
		}
	}
	// Every code whose name the join changes has its Go constant accounted
	// for: renamed with the alias kept, or kept by the lock.
	for _, r := range n.Codes.Renamed {
		if !slices.ContainsFunc(slices.Concat(n.GoAPI.CodesRenamed, n.GoAPI.CodesKept), func(c changes.ConstantRename) bool {
			return c.Code == r.Code && c.Old == r.Old && (c.AliasKept || c.New == r.New)
		}) {
			t.Errorf("code %d renamed %s → %s: not in the Go API impact %+v", r.Code, r.Old, r.New, n.GoAPI)
		}
	}
	if len(n.GoAPI.CodesAdded)+len(n.GoAPI.CodesRemoved)+len(n.GoAPI.CodesDeprecated)+len(n.GoAPI.CodesRenumbered) != 0 {
		t.Errorf("same page, yet code constants added, removed or renumbered: %+v", n.GoAPI)
	}
	for _, name := range append(n.Names.Added, n.Names.Removed...) {
		if name == "ServerlessJobTypeInvalid" || name == "ServerlessRobotJobTypeInvalid" {
			t.Errorf("%s listed as added or removed, not only as renamed", name)
		}
	}
}

// TestReleaseNotesPageChange edits the embedded page as a new release of the
// page would (a message reworded, a code renumbered) against the embedded
// spec snapshot.
func TestReleaseNotesPageChange(t *testing.T) {
	old := joinSources(t, defaults.Page, defaults.PageURI, defaults.Spec, defaults.SpecURI)
	edited := bytes.Replace(defaults.Page, []byte("Robot does not exist."), []byte("Robot is missing."), 1)
	edited = bytes.Replace(edited, []byte("<td><p>1018</p></td>"), []byte("<td><p>1019</p></td>"), 1)
	if bytes.Equal(edited, defaults.Page) || bytes.Count(edited, []byte("Robot is missing.")) != 1 {
		t.Fatal("the page edit did not apply: the embedded page changed shape")
	}
	new := joinSources(t, edited, defaults.PageURI, defaults.Spec, defaults.SpecURI)
	n, err := changes.NewNotes(old, new)
	if err != nil {
		t.Fatal(err)
	}
	checkNotes(t, "page-change", n)
	// What the page edit changes for certain; what the join makes of the
	// neighbours' names is the golden's business.
	if len(n.Codes.Added) != 1 || n.Codes.Added[0].Code != 1019 || len(n.Codes.Removed) != 1 || n.Codes.Removed[0].Code != 1018 {
		t.Errorf("codes added %v, removed %v; want 1019 and 1018", n.Codes.Added, n.Codes.Removed)
	}
	edit := changes.Edit{Code: 1002, Field: changes.FieldMessages, Old: "Robot does not exist.", New: "Robot is missing."}
	if !slices.Contains(n.Codes.Edited, edit) {
		t.Errorf("edits %v lack %v", n.Codes.Edited, edit)
	}
	// 1019 gets a constant: a new one, or 1018's renumbered.
	g := n.GoAPI
	if !slices.ContainsFunc(g.CodesAdded, func(c changes.Constant) bool { return c.Code == 1019 }) &&
		!slices.ContainsFunc(g.CodesRenumbered, func(r changes.Renumber) bool { return r.New == 1019 }) {
		t.Errorf("no constant for 1019 in %+v", g)
	}
	// 1018's constant stays: deprecated, or renumbered to 1019.
	if !slices.ContainsFunc(g.CodesDeprecated, func(c changes.Constant) bool { return c.Code == 1018 }) &&
		!slices.ContainsFunc(g.CodesRenumbered, func(r changes.Renumber) bool { return r.Old == 1018 }) {
		t.Errorf("1018's constant neither deprecated nor renumbered in %+v", g)
	}
	if len(g.CodesRemoved)+len(g.NamesAdded)+len(g.NamesRemoved) != 0 {
		t.Errorf("a page change removed a constant or changed a Name constant: %+v", g)
	}
}

// TestNotesAgainstCommittedModel runs the one-argument diff's comparison:
// the committed generated/model.json and names lock against the embedded
// sources joined afresh and resolved with that lock, as generate would
// write them. Whatever the join now decides, the lock keeps every code
// constant: none is removed.
func TestNotesAgainstCommittedModel(t *testing.T) {
	old := testenv.Catalog(t, "generated", "model.json")
	data, err := os.ReadFile(filepath.Join(testenv.Root(), "generated", "orcgen.lock.json"))
	if err != nil {
		t.Fatal(err)
	}
	lockfile, err := gen.ParseLockfile(data)
	if err != nil {
		t.Fatal(err)
	}
	lock := lockfile.Names()
	fresh := joinSources(t, defaults.Page, defaults.PageURI, defaults.Spec, defaults.SpecURI)
	res, err := naming.Resolve(fresh, lock)
	if err != nil {
		t.Fatal(err)
	}
	n, err := changes.NewNotesWithLock(old, res.Catalog, lock)
	if err != nil {
		t.Fatal(err)
	}
	if len(n.GoAPI.CodesRemoved) != 0 {
		t.Errorf("code constants removed despite the lock: %+v", n.GoAPI.CodesRemoved)
	}
	if n.Old.PageSHA256 != n.New.PageSHA256 || n.Old.SpecSHA256 != n.New.SpecSHA256 {
		t.Errorf("sides differ in their sources: %+v, %+v", n.Old, n.New)
	}
	if err := mdtest.CheckTables(n.Markdown()); err != nil {
		t.Error(err)
	}
}
