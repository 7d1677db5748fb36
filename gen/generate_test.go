package gen

import (
	"encoding/json"
	"reflect"
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
	set, err := Generate(smallCatalog(), Options{Artifacts: []string{ArtifactModel}})
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Files) != 1 || set.Files[0].Path != "model.json" || len(set.Dirs) != 0 {
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
	if want := []string{"docs", "errs", "openapi"}; !reflect.DeepEqual(set.Dirs, want) {
		t.Errorf("Dirs = %q, want %q", set.Dirs, want)
	}
	for _, p := range []string{"model.json", "orcgen.lock.json", OpenAPIYAMLPath, OpenAPIJSONPath, MarkdownPath} {
		if _, ok := set.Lookup(p); !ok {
			t.Errorf("set lacks %s", p)
		}
	}
	for _, f := range set.Files {
		if len(f.Path) > 5 && f.Path[:5] == "errs/" && !IsGenerated(f.Data) {
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
	_, err := Generate(smallCatalog(), Options{Artifacts: []string{ArtifactGo}, Lock: []byte("{")})
	if err == nil || err.Error()[:len(`generate go: names lock "orcgen.lock.json": `)] != `generate go: names lock "orcgen.lock.json": ` {
		t.Errorf("error = %v", err)
	}
}
