package changes

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/orcgen/orcgen/gen/naming"
	"github.com/orcgen/orcgen/model"
)

func TestWords(t *testing.T) {
	for in, want := range map[string][]string{
		"ServerlessRobotJobTypeInvalid": {"Serverless", "Robot", "Job", "Type", "Invalid"},
		"IXPProjectNotFound":            {"IXP", "Project", "Not", "Found"},
		"Conflict1300":                  {"Conflict", "1300"},
		"Http2Error":                    {"Http", "2", "Error"},
		"A":                             {"A"},
		"":                              nil,
	} {
		if got := words(in); !slices.Equal(got, want) {
			t.Errorf("words(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPairRenames(t *testing.T) {
	for _, tc := range []struct {
		name                   string
		removed, added         []string
		want                   []NameRename
		restRemoved, restAdded []string
	}{
		{"word deleted", []string{"ServerlessRobotJobTypeInvalid"}, []string{"ServerlessJobTypeInvalid"},
			[]NameRename{{"ServerlessRobotJobTypeInvalid", "ServerlessJobTypeInvalid"}}, nil, nil},
		{"word inserted", []string{"QueueFull"}, []string{"QueueIsFull"}, []NameRename{{"QueueFull", "QueueIsFull"}}, nil, nil},
		{"word replaced", []string{"RobotNotFound"}, []string{"MachineNotFound"}, []NameRename{{"RobotNotFound", "MachineNotFound"}}, nil, nil},
		{"two words apart", []string{"RobotIsNotFound"}, []string{"RobotNotThere"}, nil, []string{"RobotIsNotFound"}, []string{"RobotNotThere"}},
		{"one-word names", []string{"Gone"}, []string{"Lost"}, nil, []string{"Gone"}, []string{"Lost"}},
		{"ambiguous addition", []string{"RobotNotFound"}, []string{"MachineNotFound", "QueueNotFound"}, nil,
			[]string{"RobotNotFound"}, []string{"MachineNotFound", "QueueNotFound"}},
		{"ambiguous removal", []string{"MachineNotFound", "QueueNotFound"}, []string{"RobotNotFound"}, nil,
			[]string{"MachineNotFound", "QueueNotFound"}, []string{"RobotNotFound"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, rr, ra := pairRenames(tc.removed, tc.added)
			if !reflect.DeepEqual(got, tc.want) || !slices.Equal(rr, tc.restRemoved) || !slices.Equal(ra, tc.restAdded) {
				t.Errorf("pairRenames = %v, %v, %v; want %v, %v, %v", got, rr, ra, tc.want, tc.restRemoved, tc.restAdded)
			}
		})
	}
}

func TestSideLabel(t *testing.T) {
	for _, tc := range []struct {
		side Side
		want string
	}{
		{Side{Title: "UiPath.WebApi 20.0", Version: "20.0", PageSHA256: "5e1b7ab5e8e0055c"}, "UiPath.WebApi 20.0, page 5e1b7ab5e8e0"},
		{Side{Title: "Orchestrator", Version: "18.0"}, "Orchestrator 18.0"},
		{Side{SpecSHA256: "abcdef0123456789"}, "spec abcdef012345"},
		{Side{PageSHA256: "00"}, "page 00"},
		{Side{}, "empty catalog"},
		{Side{Codes: 3, Names: 2}, "catalog without sources (3 codes, 2 names)"},
	} {
		if got := tc.side.Label(); got != tc.want {
			t.Errorf("%+v.Label() = %q, want %q", tc.side, got, tc.want)
		}
	}
}

// notes calls NewNotes and fails t on an error.
func notes(t *testing.T, old, new *model.Catalog) *Notes {
	t.Helper()
	n, err := NewNotes(old, new)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestNewNotes(t *testing.T) {
	old, new := catalogs()
	old.Sources = []model.Source{{Kind: model.SourcePage, SHA256: "aa"}, {Kind: model.SourceSpec, Title: "T", Version: "1", SHA256: "bb"}}
	new.Codes[0].NameOrigin = model.OriginBracketed
	new.Codes = append(new.Codes, model.Code{Code: 1004, Name: "Gone", Messages: []string{"Gone."}})
	new.Names = append(new.Names, model.Name{Name: "OldNameX"})
	n := notes(t, old, new)
	if want := (Side{Title: "T", Version: "1", SpecSHA256: "bb", PageSHA256: "aa", Codes: 3, Names: 2}); n.Old != want {
		t.Errorf("Old = %+v, want %+v", n.Old, want)
	}
	if want := (NameChanges{Added: []string{"AssetLocked", "QueueFull"}, Renamed: []NameRename{{"OldName", "OldNameX"}}}); !reflect.DeepEqual(n.Names, want) {
		t.Errorf("Names = %+v, want %+v", n.Names, want)
	}
	// Gone moves from 1002 to 1004: the lock cannot keep it for 1002.
	want := GoAPI{
		CodesAdded:      []Constant{{Ident: "QueueFull", Code: 1003}},
		CodesRenamed:    []ConstantRename{{Code: 1000, Old: "TenantNotFound", New: "TenantMissing", AliasKept: true}},
		CodesRenumbered: []Renumber{{Ident: "Gone", Old: 1002, New: 1004}},
		NamesAdded:      []string{"NameAssetLocked", "NameQueueFull"},
		NamesRenamed:    []NameRename{{"NameOldName", "NameOldNameX"}},
	}
	if !reflect.DeepEqual(n.GoAPI, want) {
		t.Errorf("GoAPI =\n%+v\nwant\n%+v", n.GoAPI, want)
	}
	if got := n.Summary(); got != "2 codes added, 1 code removed, 1 code renamed, 3 fields changed, 2 names added, 1 name renamed" {
		t.Errorf("Summary = %q", got)
	}
}

// TestGoAPIFollowsTheLock checks the cases the names lock decides: a
// derived name does not replace a locked one, a removed code stays
// deprecated, and a name taken by another code moves to it.
func TestGoAPIFollowsTheLock(t *testing.T) {
	derived := func(code int, name string) model.Code {
		return model.Code{Code: code, Name: name, NameOrigin: model.OriginDerived}
	}
	page := func(code int, name string) model.Code {
		return model.Code{Code: code, Name: name, NameOrigin: model.OriginPage}
	}
	for _, tc := range []struct {
		name     string
		old, new []model.Code
		want     GoAPI
	}{
		{"derived rename kept", []model.Code{derived(1914, "RobotLicensingFailed")}, []model.Code{derived(1914, "RobotLicenseFailed")},
			GoAPI{CodesKept: []ConstantRename{{Code: 1914, Old: "RobotLicensingFailed", New: "RobotLicenseFailed"}}}},
		{"removed code deprecated", []model.Code{page(1001, "A"), page(1002, "B")}, []model.Code{page(1001, "A")},
			GoAPI{CodesDeprecated: []Constant{{Ident: "B", Code: 1002}}}},
		{"name taken by another code", []model.Code{page(1000, "A"), page(1001, "B")}, []model.Code{page(1000, "B"), page(1001, "C")},
			GoAPI{
				CodesRenamed:    []ConstantRename{{Code: 1000, Old: "A", New: "B", AliasKept: true}, {Code: 1001, Old: "B", New: "C"}},
				CodesRenumbered: []Renumber{{Ident: "B", Old: 1001, New: 1000}},
			}},
		{"api name", nil, []model.Code{page(1000, "Lookup")}, GoAPI{CodesAdded: []Constant{{Ident: "LookupCode", Code: 1000}}}},
		{"api name against its identifier", []model.Code{page(1000, "LookupCode")}, []model.Code{page(1000, "Lookup")}, GoAPI{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := notes(t, &model.Catalog{Codes: tc.old}, &model.Catalog{Codes: tc.new})
			if !reflect.DeepEqual(n.GoAPI, tc.want) {
				t.Errorf("GoAPI =\n%+v\nwant\n%+v", n.GoAPI, tc.want)
			}
		})
	}
}

// TestNotesWithLock: the committed lock's deprecated aliases belong to the
// old package; one that the new catalog's names take over is renumbered.
func TestNotesWithLock(t *testing.T) {
	lock := &naming.Lock{SchemaVersion: naming.LockSchemaVersion, Package: "orcerr", Codes: []naming.LockedCode{
		{Code: 1000, Identifiers: []string{"A", "Older"}},
	}}
	old := &model.Catalog{Codes: []model.Code{{Code: 1000, Name: "A", NameOrigin: model.OriginPage}}}
	new := &model.Catalog{Codes: []model.Code{{Code: 1000, Name: "A", NameOrigin: model.OriginPage}, {Code: 1001, Name: "Older", NameOrigin: model.OriginPage}}}
	n, err := NewNotesWithLock(old, new, lock)
	if err != nil {
		t.Fatal(err)
	}
	if want := (GoAPI{CodesRenumbered: []Renumber{{Ident: "Older", Old: 1000, New: 1001}}}); !reflect.DeepEqual(n.GoAPI, want) {
		t.Errorf("GoAPI = %+v, want %+v", n.GoAPI, want)
	}
	n = notes(t, old, new)
	if want := (GoAPI{CodesAdded: []Constant{{Ident: "Older", Code: 1001}}}); !reflect.DeepEqual(n.GoAPI, want) {
		t.Errorf("without the lock: GoAPI = %+v, want %+v", n.GoAPI, want)
	}
}

func TestNotesKeptMarkdown(t *testing.T) {
	old := &model.Catalog{Codes: []model.Code{{Code: 1914, Name: "RobotLicensingFailed", NameOrigin: model.OriginDerived}}}
	new := &model.Catalog{Codes: []model.Code{{Code: 1914, Name: "RobotLicenseFailed", NameOrigin: model.OriginDerived}}}
	md := string(notes(t, old, new).Markdown())
	if !strings.Contains(md, "### Code constants kept by the lock (1)\n\n- 1914: `RobotLicensingFailed` stays; the catalog now derives `RobotLicenseFailed`, and a derived name never replaces a locked identifier\n") {
		t.Errorf("Markdown lacks the kept constant:\n%s", md)
	}
}

func TestNewNotesRejectsBadNames(t *testing.T) {
	bad := &model.Catalog{Codes: []model.Code{{Code: 1000, Name: "not valid"}}}
	if _, err := NewNotes(nil, bad); err == nil || !strings.HasPrefix(err.Error(), "new catalog: code 1000: ") {
		t.Errorf("err = %v, want one naming the new catalog and code 1000", err)
	}
	if _, err := NewNotes(bad, nil); err == nil || !strings.HasPrefix(err.Error(), "old catalog: ") {
		t.Errorf("err = %v, want one naming the old catalog", err)
	}
}

func TestNotesEmpty(t *testing.T) {
	old, _ := catalogs()
	md := string(notes(t, old, old).Markdown())
	if !strings.HasSuffix(md, "| Spec names | 2 | 2 |\n\nNo catalog changes.\n") || strings.Contains(md, "## ") {
		t.Errorf("Markdown of no change =\n%s", md)
	}
	js, err := notes(t, nil, nil).JSON()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"codesAdded": [],`, `"changed": []`, `"renamed": []`, `"summary": "no catalog changes"`, `"title": ""`} {
		if !strings.Contains(string(js), want) {
			t.Errorf("JSON of nil catalogs lacks %s:\n%s", want, js)
		}
	}
}

func TestNotesMarkdownEscapes(t *testing.T) {
	old := &model.Catalog{Sources: []model.Source{{Kind: model.SourceSpec, Title: "A|B *x*", Version: "1"}}}
	md := string(notes(t, old, nil).Markdown())
	if !strings.Contains(md, "| Spec title | A\\|B \\*x\\* | (none) |\n") {
		t.Errorf("title cell not escaped:\n%s", md)
	}
	if !strings.HasPrefix(md, "# Error catalog changes: A|B \\*x\\* 1 → empty catalog\n") {
		t.Errorf("heading = %q", strings.SplitN(md, "\n", 2)[0])
	}
}

// BenchmarkPairRenames pairs 2,000 removed with 2,000 added names, about
// the scale of a spec 3x the 20.0 one replacing every name.
func BenchmarkPairRenames(b *testing.B) {
	var removed, added []string
	for i := range 2000 {
		removed = append(removed, fmt.Sprintf("Robot%dJobTypeInvalid", i))
		added = append(added, fmt.Sprintf("Machine%dQueueItemMissing", i))
	}
	for b.Loop() {
		pairRenames(removed, added)
	}
}
