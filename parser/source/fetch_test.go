package source

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/orcgen/orcgen/internal/testenv"
)

// fetchedAt is the fixed clock of the Fetch tests.
var fetchedAt = time.Date(2026, 11, 3, 10, 0, 0, 123_000_000, time.FixedZone("CET", 3600))

// fetchOptions are testOptions with a fixed clock.
func fetchOptions() Options {
	o := testOptions()
	o.Now = func() time.Time { return fetchedAt }
	return o
}

// sha256Hex returns the hex SHA-256 of s.
func sha256Hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// readString returns the content of path.
func readString(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// versionedServer serves body with ETag etag, answering 304 to a matching
// If-None-Match, and records the conditional headers it received.
type versionedServer struct {
	*server
	body, etag     string
	gotINM, gotIMS string
}

// newVersionedServer starts a versionedServer serving body with etag.
func newVersionedServer(t *testing.T, body, etag string) *versionedServer {
	v := &versionedServer{body: body, etag: etag}
	v.server = newServer(t, func(_ int, w http.ResponseWriter, r *http.Request) {
		v.gotINM, v.gotIMS = r.Header.Get("If-None-Match"), r.Header.Get("If-Modified-Since")
		if v.etag != "" {
			w.Header().Set("ETag", v.etag)
			w.Header().Set("Last-Modified", "Mon, 02 Nov 2026 08:00:00 GMT")
		}
		if v.etag != "" && v.gotINM == v.etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(v.body))
	})
	return v
}

func TestFetchNew(t *testing.T) {
	v := newVersionedServer(t, "<table>v1</table>", `"v1"`)
	dir := filepath.Join(t.TempDir(), "snapshots")
	src := v.URL + "/page"
	res, err := Fetch(context.Background(), src, dir, "page.html", nil, fetchOptions())
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256Hex("<table>v1</table>")
	if res.Path != filepath.Join(dir, "page.html") || res.MetaPath != filepath.Join(dir, "page.html.meta.json") ||
		res.NotModified || res.Unchanged || res.SHA256 != sum {
		t.Errorf("FetchResult = %+v", res)
	}
	if got := readString(t, res.Path); got != "<table>v1</table>" {
		t.Errorf("body file = %q", got)
	}
	wantMeta := fmt.Sprintf(`{
  "url": %q,
  "fetchedAt": "2026-11-03T09:00:00Z",
  "sha256": %q,
  "etag": "\"v1\"",
  "lastModified": "Mon, 02 Nov 2026 08:00:00 GMT",
  "contentType": "text/html; charset=utf-8",
  "status": 200
}
`, src, sum)
	if got := readString(t, res.MetaPath); got != wantMeta {
		t.Errorf("meta file =\n%s\nwant\n%s", got, wantMeta)
	}
	if v.gotINM != "" || v.gotIMS != "" {
		t.Errorf("first fetch sent If-None-Match %q, If-Modified-Since %q; want none", v.gotINM, v.gotIMS)
	}
}

func TestFetchNotModified(t *testing.T) {
	v := newVersionedServer(t, "<table>v1</table>", `"v1"`)
	dir, src := t.TempDir(), v.URL+"/page"
	if _, err := Fetch(context.Background(), src, dir, "page.html", nil, fetchOptions()); err != nil {
		t.Fatal(err)
	}
	before := testenv.HashTree(t, dir)
	opts := fetchOptions()
	opts.Now = func() time.Time { return fetchedAt.Add(time.Hour) }
	validated := false
	res, err := Fetch(context.Background(), src, dir, "page.html", func(*Input) error { validated = true; return nil }, opts)
	if err != nil {
		t.Fatal(err)
	}
	if v.gotINM != `"v1"` || v.gotIMS != "Mon, 02 Nov 2026 08:00:00 GMT" {
		t.Errorf("conditional request sent If-None-Match %q, If-Modified-Since %q", v.gotINM, v.gotIMS)
	}
	if !res.NotModified || res.Unchanged || res.SHA256 != sha256Hex("<table>v1</table>") ||
		res.Meta.FetchedAt != "2026-11-03T09:00:00Z" {
		t.Errorf("FetchResult = %+v, want NotModified with the previous metadata", res)
	}
	if validated {
		t.Error("validate was called on a 304 answer, which has no new body")
	}
	if after := testenv.HashTree(t, dir); !maps.Equal(before, after) {
		t.Errorf("304 changed the snapshot: %v, want %v", after, before)
	}
}

func TestFetchUnchangedBody(t *testing.T) {
	v := newVersionedServer(t, "<table>v1</table>", "")
	dir, src := t.TempDir(), v.URL+"/page"
	if _, err := Fetch(context.Background(), src, dir, "page.html", nil, fetchOptions()); err != nil {
		t.Fatal(err)
	}
	before := testenv.HashTree(t, dir)
	opts := fetchOptions()
	opts.Now = func() time.Time { return fetchedAt.Add(time.Hour) }
	res, err := Fetch(context.Background(), src, dir, "page.html", nil, opts)
	if err != nil {
		t.Fatal(err)
	}
	if res.NotModified || !res.Unchanged || res.Meta.FetchedAt != "2026-11-03T09:00:00Z" {
		t.Errorf("FetchResult = %+v, want Unchanged with the previous metadata", res)
	}
	if after := testenv.HashTree(t, dir); !maps.Equal(before, after) {
		t.Errorf("an identical body rewrote the snapshot: %v, want %v", after, before)
	}
}

func TestFetchUpdated(t *testing.T) {
	v := newVersionedServer(t, "<table>v1</table>", `"v1"`)
	dir, src := t.TempDir(), v.URL+"/page"
	if _, err := Fetch(context.Background(), src, dir, "page.html", nil, fetchOptions()); err != nil {
		t.Fatal(err)
	}
	v.body, v.etag = "<table>v2</table>", `"v2"`
	res, err := Fetch(context.Background(), src, dir, "page.html", nil, fetchOptions())
	if err != nil {
		t.Fatal(err)
	}
	if res.NotModified || res.Unchanged || res.Meta.ETag != `"v2"` || res.SHA256 != sha256Hex("<table>v2</table>") {
		t.Errorf("FetchResult = %+v, want the new version", res)
	}
	if got := readString(t, res.Path); got != "<table>v2</table>" {
		t.Errorf("body file = %q, want v2", got)
	}
	if names := testenv.HashTree(t, dir); len(names) != 2 {
		t.Errorf("snapshot dir holds %v, want the body and its metadata only", names)
	}
}

func TestFetchValidatorRefuses(t *testing.T) {
	v := newVersionedServer(t, "<table>v1</table>", `"v1"`)
	dir, src := t.TempDir(), v.URL+"/page"
	if _, err := Fetch(context.Background(), src, dir, "page.html", nil, fetchOptions()); err != nil {
		t.Fatal(err)
	}
	before := testenv.HashTree(t, dir)
	v.body, v.etag = "<form>Sign in</form>", `"login"`
	errNoTable := errors.New("no response codes table")
	_, err := Fetch(context.Background(), src, dir, "page.html", func(in *Input) error {
		if string(in.Data) != "<form>Sign in</form>" {
			t.Errorf("validate got %q, want the new body", in.Data)
		}
		return errNoTable
	}, fetchOptions())
	e := wantError(t, err, BadContent, src)
	if want := `read "` + src + `": refused by validator: no response codes table`; err.Error() != want {
		t.Errorf("error = %q, want %q", err, want)
	}
	if !errors.Is(e, errNoTable) || e.Status != 200 {
		t.Errorf("error %v: Status %d, wraps validator error %v", err, e.Status, errors.Is(e, errNoTable))
	}
	if after := testenv.HashTree(t, dir); !maps.Equal(before, after) {
		t.Errorf("a refused body changed the snapshot: %v, want %v", after, before)
	}
}

func TestFetchFaultsKeepSnapshot(t *testing.T) {
	for _, c := range faultCases() {
		t.Run(c.name, func(t *testing.T) {
			s, src, opts := c.run(t)
			opts.Now = func() time.Time { return fetchedAt }
			dir := t.TempDir()
			prev := &Input{URI: src, Data: []byte("<table>previous</table>"), ETag: `"prev"`}
			if err := writeSnapshot(filepath.Join(dir, "page.html"), filepath.Join(dir, "page.html.meta.json"),
				prev.Data, newMetadata(prev, 200, fetchedAt.Add(-time.Hour))); err != nil {
				t.Fatal(err)
			}
			before := testenv.HashTree(t, dir)
			res, err := Fetch(context.Background(), src, dir, "page.html", nil, opts)
			after := testenv.HashTree(t, dir)
			if c.wantStatus == http.StatusNotModified {
				// The previous snapshot makes the request conditional, so
				// the 304 is the expected answer here.
				if err != nil || !res.NotModified || !maps.Equal(before, after) {
					t.Errorf("Fetch = %+v, %v; dir %v; want NotModified and the dir kept as %v", res, err, after, before)
				}
				return
			}
			c.check(t, s, src, err)
			if err != nil {
				if !maps.Equal(before, after) {
					t.Errorf("failed fetch changed the snapshot dir: %v, want %v", after, before)
				}
				return
			}
			if got := readString(t, res.Path); got != "<table></table>" || len(after) != 2 {
				t.Errorf("body file = %q, dir = %v; want the new page and its metadata", got, after)
			}
		})
	}
}

func TestFetchIgnoresUnusablePrevious(t *testing.T) {
	tests := []struct {
		name  string
		spoil func(t *testing.T, dir, src string)
	}{
		{"body edited", func(t *testing.T, dir, _ string) {
			writeFile(t, filepath.Join(dir, "page.html"), "<table>edited</table>")
		}},
		{"body missing", func(t *testing.T, dir, _ string) {
			os.Remove(filepath.Join(dir, "page.html"))
		}},
		{"metadata of another URL", func(t *testing.T, dir, src string) {
			in := &Input{URI: src + "/other", Data: []byte("<table>v1</table>"), ETag: `"v1"`}
			writeSnapshot(filepath.Join(dir, "page.html"), filepath.Join(dir, "page.html.meta.json"),
				in.Data, newMetadata(in, 200, fetchedAt))
		}},
		{"metadata not JSON", func(t *testing.T, dir, _ string) {
			writeFile(t, filepath.Join(dir, "page.html.meta.json"), "<<<")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := newVersionedServer(t, "<table>v1</table>", `"v1"`)
			dir, src := t.TempDir(), v.URL+"/page"
			if _, err := Fetch(context.Background(), src, dir, "page.html", nil, fetchOptions()); err != nil {
				t.Fatal(err)
			}
			tt.spoil(t, dir, src)
			res, err := Fetch(context.Background(), src, dir, "page.html", nil, fetchOptions())
			if err != nil {
				t.Fatal(err)
			}
			if v.gotINM != "" || res.NotModified {
				t.Errorf("sent If-None-Match %q (NotModified %v) for an unusable snapshot", v.gotINM, res.NotModified)
			}
			if got := readString(t, res.Path); got != "<table>v1</table>" {
				t.Errorf("body file = %q, want the fetched page", got)
			}
			meta := readString(t, res.MetaPath)
			if want := sha256Hex("<table>v1</table>"); res.Meta.SHA256 != want || !strings.Contains(meta, "\n  \"url\": \""+src+"\",\n") {
				t.Errorf("metadata = %s, want url %q and sha256 %q", meta, src, want)
			}
		})
	}
}

func TestFetchBadName(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"", ".", "..", "a/page.html", `a\page.html`, "page.html.meta.json"} {
		_, err := Fetch(context.Background(), "http://127.0.0.1:1/page", dir, name, nil, fetchOptions())
		if want := fmt.Sprintf("snapshot name %q is not a plain file name", name); err == nil || err.Error() != want {
			t.Errorf("Fetch with name %q = %v, want %q", name, err, want)
		}
	}
	if names := testenv.HashTree(t, dir); len(names) != 0 {
		t.Errorf("bad names left files: %v", names)
	}
}

func TestFetchFile(t *testing.T) {
	src := filepath.Join(t.TempDir(), "saved.html")
	writeFile(t, src, "<table>saved</table>")
	dir := t.TempDir()
	res, err := Fetch(context.Background(), src, dir, "page.html", nil, fetchOptions())
	if err != nil {
		t.Fatal(err)
	}
	want := Metadata{URL: src, FetchedAt: "2026-11-03T09:00:00Z", SHA256: sha256Hex("<table>saved</table>")}
	if res.Meta != want {
		t.Errorf("Meta = %+v, want %+v", res.Meta, want)
	}
	if got := readString(t, res.Path); got != "<table>saved</table>" {
		t.Errorf("body file = %q", got)
	}
}

func TestFetchMissingFileKeepsSnapshot(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "page.html"), "<table>previous</table>")
	before := testenv.HashTree(t, dir)
	src := filepath.Join(dir, "missing.html")
	_, err := Fetch(context.Background(), src, dir, "page.html", nil, fetchOptions())
	wantError(t, err, NotFound, src)
	if after := testenv.HashTree(t, dir); !maps.Equal(before, after) {
		t.Errorf("failed fetch changed the dir: %v, want %v", after, before)
	}
}

func TestFetchWriteFailureKeepsSnapshot(t *testing.T) {
	if os.Getuid() == 0 {
		t.Skip("root can write to a read-only directory")
	}
	v := newVersionedServer(t, "<table>v1</table>", "")
	dir, src := t.TempDir(), v.URL+"/page"
	if _, err := Fetch(context.Background(), src, dir, "page.html", nil, fetchOptions()); err != nil {
		t.Fatal(err)
	}
	before := testenv.HashTree(t, dir)
	v.body = "<table>v2</table>"
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	_, err := Fetch(context.Background(), src, dir, "page.html", nil, fetchOptions())
	if want := `write snapshot "` + filepath.Join(dir, "page.html") + `": `; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error = %v, want prefix %q", err, want)
	}
	if after := testenv.HashTree(t, dir); !maps.Equal(before, after) {
		t.Errorf("failed write changed the snapshot: %v, want %v", after, before)
	}
}

func TestFetchDirIsAFile(t *testing.T) {
	v := newVersionedServer(t, "<table>v1</table>", "")
	parent := t.TempDir()
	dir := filepath.Join(parent, "snapshots")
	writeFile(t, dir, "not a directory")
	before := testenv.HashTree(t, parent)
	_, err := Fetch(context.Background(), v.URL+"/page", dir, "page.html", nil, fetchOptions())
	if want := "write snapshot: mkdir " + dir + ": not a directory"; err == nil || err.Error() != want {
		t.Errorf("error = %v, want %q", err, want)
	}
	if after := testenv.HashTree(t, parent); !maps.Equal(before, after) {
		t.Errorf("failed fetch changed %s: %v, want %v", parent, after, before)
	}
}
