package parser

import (
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/orcgen/orcgen/internal/testenv"
	"github.com/orcgen/orcgen/model"
	"github.com/orcgen/orcgen/parser/defaults"
	"github.com/orcgen/orcgen/parser/page"
	"github.com/orcgen/orcgen/parser/spec"
)

// sharedSpecs are the spec versions of ../shared/specs the tests align
// the real page with.
var sharedSpecs = []string{
	"orchestrator-v15.0.yaml", "orchestrator-v16.0.yaml", "orchestrator-v17.0.yaml",
	"orchestrator-v18.0.yaml", "orchestrator-v20.0.yaml", "orchestrator-v20.0.swagger2.json",
}

// loaded caches what the tests read, so that each shared spec is loaded
// once per test binary (a load takes a third of a second).
var loaded struct {
	sync.Mutex
	page  *model.Catalog
	specs map[string]*model.Spec
}

// realPage returns the embedded page, parsed once.
func realPage(t testing.TB) *model.Catalog {
	t.Helper()
	loaded.Lock()
	defer loaded.Unlock()
	if loaded.page == nil {
		p, err := page.Parse(defaults.Page, page.Options{URI: defaults.PageURI})
		if err != nil {
			t.Fatal(err)
		}
		loaded.page = p
	}
	return loaded.page
}

// sharedSpec returns the facts of a spec of ../shared/specs, loaded once.
func sharedSpec(t testing.TB, specFile string) *model.Spec {
	t.Helper()
	path := testenv.Shared(t, "specs", specFile)
	loaded.Lock()
	defer loaded.Unlock()
	if s, ok := loaded.specs[specFile]; ok {
		return s
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := spec.Load(data, spec.Options{URI: specFile})
	if err != nil {
		t.Fatal(err)
	}
	if loaded.specs == nil {
		loaded.specs = map[string]*model.Spec{}
	}
	loaded.specs[specFile] = s
	return s
}

// realCatalog joins the embedded page with a real spec from ../shared.
func realCatalog(t testing.TB, specFile string, opts JoinOptions) *model.Catalog {
	t.Helper()
	cat, err := Join(realPage(t), sharedSpec(t, specFile), opts)
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

func TestJoinRealPageAndSpec(t *testing.T) {
	cat := realCatalog(t, "orchestrator-v20.0.yaml", JoinOptions{})
	byCode := map[int]model.Code{}
	origins := map[string]int{}
	for _, c := range cat.Codes {
		byCode[c.Code] = c
		origins[c.NameOrigin]++
	}
	// Recorded from this page and spec; a change here is a change in what
	// users get as constant names, so it must be deliberate.
	wantOrigins := map[string]int{model.OriginPage: 7, model.OriginMessage: 17, model.OriginBracketed: 35, model.OriginAligned: 49, model.OriginDerived: 11}
	if !mapsEqual(origins, wantOrigins) {
		t.Errorf("origins = %v, want %v", origins, wantOrigins)
	}
	for code, want := range map[int]string{
		1000: "InvalidRequest/message", 1001: "NameAlreadyUsed/page", 1002: "ItemNotFound/page",
		1003: "StringProtectFailed/page", 1004: "ItemAlreadyExists/bracketed", 1008: "ErrorSendingEmail/bracketed",
		1015: "ParameterInvalid/message", 1208: "MachineLicenseCannotChange/page", 1404: "PasswordExpired/message",
		1410: "ConfirmEmailFailed/bracketed", 1661: "ProcessNotFound/page", 1667: "TenantNotFound/message",
		1677: "PackageNotFound/page", 1679: "PathTooLong/page", 1902: "LicenseAlreadyInUse/message",
		1500: "CredentialAssetEmptyPasswordForNewUser/aligned", 1600: "InvalidCron/aligned",
		1209: "CannotUpdateBusyRobot/aligned", 1914: "NotEnoughAvailableSlots/aligned",
		1100: "UserNoLongerAssociatedWithOrganization/derived", 1300: "Code1300/derived",
	} {
		c := byCode[code]
		if got := c.Name + "/" + c.NameOrigin; got != want {
			t.Errorf("code %d = %s, want %s", code, got, want)
		}
	}
	if a := byCode[1208].Aliases; !slices.Equal(a, []string{"InvalidNonProductionMachineSlots", "InvalidUnattendedMachineSlots"}) {
		t.Errorf("1208 aliases = %v", a)
	}
	if w := byCode[1209].Alignment.Words; !slices.Equal(w, []string{"Cannot", "Update", "Busy", "Robot"}) {
		t.Errorf("1209 words = %v, want the name's words its message holds", w)
	}
	if c := byCode[1100]; c.Guess != "InvalidOrganizationUnit" || c.Alignment.Level != model.LevelMedium {
		t.Errorf("1100 guess = %q (%+v), want InvalidOrganizationUnit at medium confidence", c.Guess, c.Alignment)
	}
	if !hasDiag(cat, 1661, `"PackageNotFound" (enum position 187) is also stated for code 1677`) {
		t.Errorf("no diagnostic for PackageNotFound stated under 1661 and 1677")
	}
	if len(cat.Names) != 632+countNew(cat) {
		t.Errorf("names = %d", len(cat.Names))
	}
}

// countNew counts the license enum's names that the main enum lacks.
func countNew(cat *model.Catalog) int {
	main := map[string]bool{}
	for _, e := range cat.Enums {
		if len(e.Values) == 632 {
			for _, v := range e.Values {
				main[v] = true
			}
		}
	}
	n := 0
	for _, e := range cat.Enums {
		for _, v := range e.Values {
			if !main[v] {
				main[v] = true
				n++
			}
		}
	}
	return n
}

func mapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestJoinRealNamesConsistentWithPage checks every name that claims
// evidence against the page's own text, independently of the join's code:
// a page name is stated in the Text cell, a message name is spelled by a
// message, and a bracketed name sits between two anchors whose distance in
// codes equals their distance in the enum.
func TestJoinRealNamesConsistentWithPage(t *testing.T) {
	cat := realCatalog(t, "orchestrator-v20.0.yaml", JoinOptions{})
	var main []string
	for _, e := range cat.Enums {
		if len(e.Values) > len(main) {
			main = e.Values
		}
	}
	pos := func(n string) int { return slices.Index(main, n) }
	isAnchor := func(c model.Code) bool {
		return (c.NameOrigin == model.OriginPage || c.NameOrigin == model.OriginMessage) && pos(c.Name) >= 0
	}
	for i, c := range cat.Codes {
		switch c.NameOrigin {
		case model.OriginPage:
			if !slices.Contains(c.Names, c.Name) {
				t.Errorf("%d: page name %q is not among the page's names %v", c.Code, c.Name, c.Names)
			}
		case model.OriginMessage:
			if !spelledBy(c.Messages, c.Name) {
				t.Errorf("%d: message name %q is not spelled by %q", c.Code, c.Name, c.Messages)
			}
		case model.OriginBracketed:
			lo, hi := i-1, i+1
			for lo >= 0 && !isAnchor(cat.Codes[lo]) {
				lo--
			}
			for hi < len(cat.Codes) && !isAnchor(cat.Codes[hi]) {
				hi++
			}
			if lo < 0 || hi >= len(cat.Codes) {
				t.Errorf("%d: bracketed name %q has no anchor on one side", c.Code, c.Name)
				continue
			}
			a, b := cat.Codes[lo], cat.Codes[hi]
			if b.Code-a.Code != pos(b.Name)-pos(a.Name) || c.Code-a.Code != pos(c.Name)-pos(a.Name) {
				t.Errorf("%d: %q is not bracketed by %d %s (#%d) and %d %s (#%d)", c.Code, c.Name,
					a.Code, a.Name, pos(a.Name), b.Code, b.Name, pos(b.Name))
			}
		}
	}
}

// spelledBy reports whether some message, or a sentence of one, reads as
// the name with placeholders, punctuation and a few stop words left out.
func spelledBy(messages []string, name string) bool {
	stop := map[string]bool{"the": true, "a": true, "an": true, "is": true, "are": true, "has": true, "have": true, "been": true, "was": true}
	for _, m := range messages {
		for _, text := range append([]string{m}, strings.FieldsFunc(m, func(r rune) bool { return r == '.' || r == '!' })...) {
			var all, kept strings.Builder
			for _, w := range strings.Fields(text) {
				if strings.HasPrefix(w, "[") {
					continue
				}
				w = strings.ToLower(strings.Trim(w, ".!,?:;"))
				all.WriteString(w)
				if !stop[w] {
					kept.WriteString(w)
				}
			}
			if n := strings.ToLower(name); all.String() == n || kept.String() == n {
				return true
			}
		}
	}
	return false
}

func TestJoinRealAllVersions(t *testing.T) {
	for _, f := range []string{"orchestrator-v15.0.yaml", "orchestrator-v18.0.yaml", "orchestrator-v20.0.swagger2.json"} {
		t.Run(f, func(t *testing.T) {
			cat := realCatalog(t, f, JoinOptions{})
			seen := map[string]bool{}
			for _, c := range cat.Codes {
				if c.Name == "" || seen[c.Name] {
					t.Errorf("%d: name %q empty or shared", c.Code, c.Name)
				}
				seen[c.Name] = true
			}
			if len(cat.Codes) != 119 {
				t.Errorf("codes = %d, want 119", len(cat.Codes))
			}
		})
	}
}

func TestJoinRealExtendOptIn(t *testing.T) {
	cat := realCatalog(t, "orchestrator-v20.0.yaml", JoinOptions{Extend: true})
	for _, c := range cat.Codes {
		if c.Code == 1100 && (c.Name != "InvalidOrganizationUnit" || c.NameOrigin != model.OriginAligned || c.Guess != "") {
			t.Errorf("1100 = %s/%s (guess %q), want InvalidOrganizationUnit/aligned", c.Name, c.NameOrigin, c.Guess)
		}
		if c.Code == 1300 && c.Name != "Code1300" {
			t.Errorf("1300 = %s/%s: a tie is no evidence, even with Extend", c.Name, c.NameOrigin)
		}
	}
}

func BenchmarkJoin(b *testing.B) {
	p, err := page.Parse(defaults.Page, page.Options{URI: defaults.PageURI})
	if err != nil {
		b.Fatal(err)
	}
	s, err := spec.Load(defaults.Spec, spec.Options{URI: defaults.SpecURI})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Join(p, s, JoinOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
