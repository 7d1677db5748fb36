package naming

import (
	"slices"
	"strings"
	"testing"

	"github.com/orcgen/orcgen/model"
)

func catalog() *model.Catalog {
	code := func(n int, name, origin string) model.Code {
		return model.Code{Code: n, Name: name, NameOrigin: origin}
	}
	return &model.Catalog{
		Codes: []model.Code{
			code(1001, "NameAlreadyUsed", model.OriginPage),
			code(1002, "ItemNotFound", model.OriginMessage),
			code(1003, "Lookup", model.OriginDerived),
			code(1004, "NotEnoughRuntimes", model.OriginDerived),
		},
		Names: []model.Name{{Name: "ItemNotFound", Code: 1002}, {Name: "Lookup"}, {Name: "foo-bar"}},
	}
}

func TestParseLock(t *testing.T) {
	good := `{"schemaVersion":1,"package":"orcerr","codes":[{"code":1001,"identifiers":["NameAlreadyUsed"]}]}`
	l, err := ParseLock([]byte(good))
	if err != nil || l.Codes[0].Identifiers[0] != "NameAlreadyUsed" {
		t.Fatalf("ParseLock = %+v, %v", l, err)
	}
	for in, want := range map[string]string{
		`{"schemaVersion":2,"package":"orcerr","codes":[]}`:                                               "parse names lock: schemaVersion 2, want 1",
		`{"schemaVersion":1,"codes":[{"code":2,"identifiers":["A"]},{"code":1,"identifiers":["B"]}]}`:     "names lock: code 1 after 2: codes must ascend",
		`{"schemaVersion":1,"codes":[{"code":2,"identifiers":[]}]}`:                                       "names lock: code 2 has no identifiers",
		`{"schemaVersion":1,"extra":true}`:                                                                `parse names lock: json: unknown field "extra"`,
		`{"schemaVersion":1,"codes":[{"code":2,"identifiers":["Lookup"]}]}`:                               `names lock: code 2: identifier "Lookup" is declared by the generated package's API`,
		`{"schemaVersion":1,"codes":[{"code":2,"identifiers":["nil"]}]}`:                                  `names lock: code 2: identifier "nil" is not a valid exported Go identifier`,
		`{"schemaVersion":1,"codes":[{"code":2,"identifiers":["A"]},{"code":3,"identifiers":["B","A"]}]}`: `names lock: code 3: identifier "A" already belongs to code 2`,
	} {
		if _, err := ParseLock([]byte(in)); err == nil || err.Error() != want {
			t.Errorf("ParseLock(%s) = %v, want %q", in, err, want)
		}
	}
}

// TestResolve checks the API-name rule, the lock rule for derived names,
// and that the named catalog carries exactly the identifiers.
func TestResolve(t *testing.T) {
	lock := &Lock{SchemaVersion: 1, Codes: []LockedCode{
		{Code: 1001, Identifiers: []string{"NameUsed"}},
		{Code: 1004, Identifiers: []string{"ThereNotEnough"}},
		{Code: 1999, Identifiers: []string{"GoneAway"}},
	}}
	cat := catalog()
	res, err := Resolve(cat, lock)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for i, c := range res.Codes {
		got = append(got, c.Ident+"/"+strings.Join(c.Deprecated, ","))
		if res.Catalog.Codes[i].Name != c.Ident {
			t.Errorf("named catalog has %q for %d, want %q", res.Catalog.Codes[i].Name, c.Code, c.Ident)
		}
	}
	want := []string{"NameAlreadyUsed/NameUsed", "ItemNotFound/", "LookupCode/", "ThereNotEnough/"}
	if !slices.Equal(got, want) {
		t.Errorf("identifiers = %q, want %q", got, want)
	}
	if cat.Codes[2].Name != "Lookup" {
		t.Error("Resolve modified its input")
	}
	if len(res.Removed) != 1 || res.Removed[0].Code != 1999 || res.Removed[0].Deprecated[0] != "GoneAway" {
		t.Errorf("removed = %+v", res.Removed)
	}
	var names []string
	for _, n := range res.Names {
		names = append(names, n.Ident)
	}
	if want := []string{"NameItemNotFound", "NameLookup", "NameFooBar"}; !slices.Equal(names, want) {
		t.Errorf("name constants = %q, want %q", names, want)
	}
	again, err := Resolve(cat, res.Lock("orcerr"))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.EqualFunc(again.Codes, res.Codes, func(a, b Code) bool {
		return a.Ident == b.Ident && slices.Equal(a.Deprecated, b.Deprecated)
	}) {
		t.Errorf("resolving with its own lock changed identifiers: %+v", again.Codes)
	}
}

func TestCheckPackage(t *testing.T) {
	for _, name := range []string{"orcerr", "errs2", "orc_err"} {
		if err := CheckPackage(name); err != nil {
			t.Errorf("CheckPackage(%q) = %v", name, err)
		}
	}
	for name, want := range map[string]string{
		"_":      `package name "_": the blank identifier is not a package name`,
		"main":   `package name "main": a main package cannot be imported`,
		"func":   `package name "func": not a Go identifier`,
		"1x":     `package name "1x": not a Go identifier`,
		"Orcerr": `package name "Orcerr": package names are lower-case ASCII`,
		"ünï":    `package name "ünï": package names are lower-case ASCII`,
	} {
		if err := CheckPackage(name); err == nil || err.Error() != want {
			t.Errorf("CheckPackage(%q) = %v, want %q", name, err, want)
		}
	}
}
