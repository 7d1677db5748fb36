package gen

import (
	"encoding/json"
	"path"
	"reflect"
	"strings"
	"testing"

	"github.com/orcgen/orcgen/model"
)

func smallCatalog() *model.Catalog {
	return &model.Catalog{
		SchemaVersion: model.SchemaVersion,
		Sources:       []model.Source{{Kind: model.SourcePage, URI: "page.html", SHA256: "00"}},
		Codes: []model.Code{
			{Code: 1000, Names: []string{}, Messages: []string{"Tenant not found."}, Params: []string{},
				Endpoints: []model.Endpoint{}, Name: "TenantNotFound", NameOrigin: model.OriginMessage},
		},
		Diagnostics: []model.Diagnostic{},
	}
}

func TestGenerateModelOnly(t *testing.T) {
	set, err := Generate(smallCatalog(), Options{Artifacts: []string{"model"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Files) != 2 || set.Files[0].Path != "model.json" || set.Files[1].Path != "orcgen.lock.json" {
		t.Fatalf("Generate(model) = %+v", set)
	}
	data := set.Files[0].Data
	if data[len(data)-1] != '\n' || data[1] != '\n' || string(data[2:4]) != "  " {
		t.Errorf("model.json is not indented JSON with a trailing newline: %q", data[:20])
	}
	var back model.Catalog
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(&back, smallCatalog()) {
		t.Errorf("model.json does not round-trip: %+v", back)
	}
}

func TestGenerateAllArtifacts(t *testing.T) {
	set, err := Generate(smallCatalog(), Options{Package: "errs"})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := set.Lookup("errs/orcerr_gen.go"); !ok {
		t.Error("the Go package is not in its -pkg directory errs/")
	}
	for _, p := range []string{"model.json", "orcgen.lock.json", "openapi/errors.yaml", "openapi/errors.json", "docs/response-codes.md"} {
		if _, ok := set.Lookup(p); !ok {
			t.Errorf("set lacks %s", p)
		}
	}
	for _, f := range set.Files {
		// Every format with comments carries the marker, written by the table.
		if ext := path.Ext(f.Path); ext != ".json" && !IsGenerated(f.Data) {
			t.Errorf("%s lacks the generated marker", f.Path)
		}
	}
	again, err := Generate(smallCatalog(), Options{Package: "errs"})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(set, again) {
		t.Error("two runs differ")
	}
}

func TestGenerateUnknownArtifact(t *testing.T) {
	_, err := Generate(smallCatalog(), Options{Artifacts: []string{"pdf"}})
	want := `unknown artifact "pdf" (want one of ["go" "openapi" "markdown" "model"])`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %s", err, want)
	}
}

func TestGenerateBadLock(t *testing.T) {
	_, err := Generate(smallCatalog(), Options{Artifacts: []string{"openapi"}, Lock: []byte(`{"schemaVersion":1,"codes":[{"code":1000,"identifiers":["Lookup"]}]}`)})
	want := `orcgen.lock.json: names lock: code 1000: identifier "Lookup" is declared by the generated package's API`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %s", err, want)
	}
}

// TestGenerateFileSizeLimit refuses a file past the limit, naming it and the
// limit, and writes nothing (Generate returns no set).
func TestGenerateFileSizeLimit(t *testing.T) {
	defer func(n int) { maxFileBytes = n }(maxFileBytes)
	maxFileBytes = 1000
	if _, err := Generate(smallCatalog(), Options{Artifacts: []string{"model"}}); err != nil {
		t.Fatalf("a small model.json: %v", err)
	}
	cat := smallCatalog()
	cat.Codes[0].Messages = []string{strings.Repeat("Tenant not found. ", 100)}
	set, err := Generate(cat, Options{Artifacts: []string{"model"}})
	want := "generate model: model.json would be "
	if err == nil || !strings.HasPrefix(err.Error(), want) || !strings.HasSuffix(err.Error(), "; the limit is 1000 bytes a file (gen.MaxFileBytes)") || set != nil {
		t.Errorf("Generate = %v, %v; want the limit named", set, err)
	}
}
