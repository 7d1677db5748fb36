package spec

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/orcgen/orcgen/model"
)

// copyToTemp copies testdata specs into a fresh directory and returns it.
func copyToTemp(t *testing.T, names ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range names {
		if err := os.WriteFile(filepath.Join(dir, name), readTestdata(t, name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestExternalFileRefRefused(t *testing.T) {
	dir := copyToTemp(t, "external-file.yaml", "other.yaml")
	uri := filepath.Join(dir, "external-file.yaml")
	_, err := Load(readTestdata(t, "external-file.yaml"), Options{URI: uri})
	want := "spec " + uri + `: external $ref "other.yaml#/components/schemas/ErrorResult" refused (external refs are not allowed unless opted in): `
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("error = %v, want prefix %q", err, want)
	}
	var refused *openapi3.DisallowedExternalRefError
	if !errors.As(err, &refused) {
		t.Errorf("error %v does not wrap *openapi3.DisallowedExternalRefError", err)
	}
}

func TestExternalURLRefRefused(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Write(readTestdata(t, "other.yaml"))
	}))
	defer srv.Close()
	data := strings.Replace(string(readTestdata(t, "external-url.yaml")), "http://127.0.0.1:9", srv.URL, 1)
	for _, uri := range []string{"external-url.yaml", srv.URL + "/external-url.yaml"} {
		_, err := Load([]byte(data), Options{URI: uri})
		want := "spec " + uri + `: external $ref "` + srv.URL + `/other.yaml#/components/schemas/ErrorResult" refused`
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("error = %v, want prefix %q", err, want)
		}
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the server was asked %d times", n)
	}
}

func TestExternalFileRefAllowed(t *testing.T) {
	dir := copyToTemp(t, "external-file.yaml", "other.yaml")
	uri := filepath.Join(dir, "external-file.yaml")
	s, err := Load(readTestdata(t, "external-file.yaml"), Options{URI: uri, AllowExternalRefs: true})
	if err != nil {
		t.Fatal(err)
	}
	want := &model.ErrorSchema{Name: "ErrorResult", Properties: []model.Property{{Name: "ErrorCode", Type: "integer", Format: "int32"}}}
	if !reflect.DeepEqual(s.ErrorSchema, want) {
		t.Errorf("error schema = %+v, want %+v", s.ErrorSchema, want)
	}
}

func TestExternalFileRefAllowedMissing(t *testing.T) {
	dir := copyToTemp(t, "external-file.yaml")
	uri := filepath.Join(dir, "external-file.yaml")
	_, err := Load(readTestdata(t, "external-file.yaml"), Options{URI: uri, AllowExternalRefs: true})
	if err == nil || !strings.HasPrefix(err.Error(), "spec "+uri+": ") || !strings.Contains(err.Error(), "other.yaml") {
		t.Errorf("error = %v, want one naming the spec and other.yaml", err)
	}
}

func TestReadExternal(t *testing.T) {
	loader := openapi3.NewLoader()
	_, err := readExternal(loader, &url.URL{Path: "/etc/hostname"})
	var refused *openapi3.DisallowedExternalRefError
	if !errors.As(err, &refused) || refused.Ref != "/etc/hostname" {
		t.Errorf("not allowed: error = %v, want a refusal of /etc/hostname", err)
	}
	loader.IsExternalRefsAllowed = true
	_, err = readExternal(loader, &url.URL{Scheme: "ftp", Host: "example.com", Path: "/x"})
	if want := `external $ref "ftp://example.com/x": unsupported scheme "ftp"`; err == nil || err.Error() != want {
		t.Errorf("error = %v, want %q", err, want)
	}
}

func TestReadCapped(t *testing.T) {
	big := strings.NewReader(strings.Repeat("x", externalMaxSize+1))
	_, err := readCapped(big, "big.yaml")
	if want := `external $ref "big.yaml": larger than 67108864 bytes`; err == nil || err.Error() != want {
		t.Errorf("error = %v, want %q", err, want)
	}
}

// TestExternalFileBudget: a document an allowed $ref reads passes the same
// key budget as the definition.
func TestExternalFileBudget(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("components:\n  schemas:\n")
	for i := range MaxMappingKeys + 1 {
		fmt.Fprintf(&b, "    S%d: {type: string}\n", i)
	}
	if err := os.WriteFile(filepath.Join(dir, "big.yaml"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	loader := openapi3.NewLoader()
	loader.IsExternalRefsAllowed = true
	_, err := readExternal(loader, &url.URL{Path: filepath.Join(dir, "big.yaml")})
	want := fmt.Sprintf("external $ref %q: line 3: a mapping of more than 10000 keys, the limit", filepath.Join(dir, "big.yaml"))
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %q", err, want)
	}
}
