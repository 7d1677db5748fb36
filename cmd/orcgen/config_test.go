package main

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestParseConfigStrict(t *testing.T) {
	_, err := parseConfig([]byte("page: p.html\npakage: x\n"))
	want := "yaml: unmarshal errors:\n  line 2: field pakage not found in type main.config"
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %q", err, want)
	}
}

func TestParseConfigEmpty(t *testing.T) {
	c, err := parseConfig(nil)
	if err != nil || !reflect.DeepEqual(c, &config{}) {
		t.Errorf("parseConfig(empty) = %+v, %v", c, err)
	}
}

func TestConfigValidateJoinsErrors(t *testing.T) {
	c := &config{Package: "type", Artifacts: []string{"go", "go", "pdf"}, Lock: "../x.json"}
	c.setDefaults()
	want := `package name "type": not a Go identifier
artifacts: "go" listed twice
artifacts: unknown artifact "pdf" (want go, openapi, markdown, model)
lock: "../x.json" must be a relative path inside the output directory`
	if err := c.validate(); err == nil || err.Error() != want {
		t.Errorf("validate =\n%v\nwant\n%s", err, want)
	}
}

func TestLoadConfigRebasesPaths(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "orcgen.yaml")
	data := "page: pages/p.html\nspec: https://example.com/s.json\nout: gen\ntemplates: /abs/t\n"
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := loadConfig(name)
	if err != nil {
		t.Fatal(err)
	}
	want := &config{Page: filepath.Join(dir, "pages/p.html"), Spec: "https://example.com/s.json",
		Out: filepath.Join(dir, "gen"), Templates: "/abs/t"}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("loadConfig = %+v, want %+v", c, want)
	}
}

func TestLoadConfigMissingExplicit(t *testing.T) {
	_, err := loadConfig(filepath.Join(t.TempDir(), "nope.yaml"))
	if err == nil {
		t.Fatal("no error for a missing -config file")
	}
}
