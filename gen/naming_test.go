package gen

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"strings"
	"testing"

	"github.com/orcgen/orcgen/model"
)

// TestOneNameEverywhere generates every artifact for codes whose names
// collide with the generated API ("Lookup") and whose locked identifier
// differs from the join's name, and checks that the Go constants, the
// OpenAPI x-enum-varnames, the Markdown and model.json all use the same
// identifier for each code.
func TestOneNameEverywhere(t *testing.T) {
	cat := smallCatalog()
	cat.Codes = append(cat.Codes,
		model.Code{Code: 1001, Names: []string{}, Messages: []string{"Lookup failed."}, Params: []string{},
			Endpoints: []model.Endpoint{}, Name: "Lookup", NameOrigin: model.OriginDerived},
		model.Code{Code: 1002, Names: []string{}, Messages: []string{"Item gone."}, Params: []string{},
			Endpoints: []model.Endpoint{}, Name: "ItemGone", NameOrigin: model.OriginDerived})
	lock := []byte(`{"schemaVersion":1,"package":"orcerr","codes":[{"code":1002,"identifiers":["ItemNotFound"]}]}`)
	set, err := Generate(cat, Options{Lock: lock})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"TenantNotFound", "LookupCode", "ItemNotFound"}

	goFile, _ := set.Lookup("orcerr/orcerr_gen.go")
	f, err := parser.ParseFile(token.NewFileSet(), "orcerr_gen.go", goFile.Data, 0)
	if err != nil {
		t.Fatal(err)
	}
	var consts []string
	for _, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.CONST {
			for _, s := range g.Specs {
				vs := s.(*ast.ValueSpec)
				if id, ok := vs.Type.(*ast.Ident); ok && id.Name == "Code" {
					consts = append(consts, vs.Names[0].Name)
				}
			}
		}
	}
	if !slices.Equal(consts, want) {
		t.Errorf("Go Code constants = %q, want %q", consts, want)
	}

	oa, _ := set.Lookup("openapi/errors.json")
	var doc struct {
		Components struct {
			Schemas map[string]struct {
				VarNames []string `json:"x-enum-varnames"`
			} `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(oa.Data, &doc); err != nil {
		t.Fatal(err)
	}
	if got := doc.Components.Schemas["ErrorCode"].VarNames; !slices.Equal(got, want) {
		t.Errorf("x-enum-varnames = %q, want %q", got, want)
	}

	mf, _ := set.Lookup("model.json")
	var back model.Catalog
	if err := json.Unmarshal(mf.Data, &back); err != nil {
		t.Fatal(err)
	}
	md, _ := set.Lookup("docs/response-codes.md")
	for i, c := range back.Codes {
		if c.Name != want[i] {
			t.Errorf("model.json names %d %q, want %q", c.Code, c.Name, want[i])
		}
		if !strings.Contains(string(md.Data), want[i]) {
			t.Errorf("the Markdown never names %s", want[i])
		}
	}
	if strings.Contains(string(md.Data), "ItemGone") {
		t.Error("the Markdown shows the unlocked name ItemGone")
	}
}

// TestTableDrivesOptions checks that what the command line derives from the
// table covers every row.
func TestTableDrivesOptions(t *testing.T) {
	help := ArtifactsHelp()
	for _, a := range Table {
		if !strings.Contains(help, a.Name+": ") {
			t.Errorf("-artifacts help lacks %s", a.Name)
		}
		set, err := Generate(smallCatalog(), Options{Artifacts: []string{a.Name}, Package: "errs"})
		if err != nil {
			t.Fatalf("%s: %v", a.Name, err)
		}
		dir := a.Dir(Options{Package: "errs"})
		n := 0
		for _, f := range set.Files {
			if f.Path != DefaultLockPath && (dir == "" || strings.HasPrefix(f.Path, dir+"/")) {
				n++
			}
		}
		if n != len(set.Files)-1 || n == 0 {
			t.Errorf("%s: %d of %d files in its directory %q", a.Name, n, len(set.Files)-1, dir)
		}
	}
}
