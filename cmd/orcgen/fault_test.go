package main

import (
	"bytes"
	"encoding/json"
	"io"
	"maps"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/orcgen/orcgen/gen"
	"github.com/orcgen/orcgen/internal/testenv"
	"github.com/orcgen/orcgen/model"
	"github.com/orcgen/orcgen/parser/defaults"
)

// faultServer is a loopback server misbehaving on every request; n counts
// the requests.
func faultServer(t *testing.T, handler func(n int32, w http.ResponseWriter, r *http.Request)) string {
	t.Helper()
	var n atomic.Int32
	done := make(chan struct{})
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-done:
			return
		default:
		}
		handler(n.Add(1), w, r)
	}))
	t.Cleanup(s.Close)
	t.Cleanup(func() { close(done) })
	return s.URL + "/response-codes"
}

// cliFault is a misbehaving server and the flags that bound the command's
// wait for it.
type cliFault struct {
	name    string
	flags   []string
	handler func(n int32, w http.ResponseWriter, r *http.Request)
}

// servePage answers with the embedded default page.
func servePage(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(defaults.Page)
}

func cliFaults() []cliFault {
	return []cliFault{
		{name: "stall", flags: []string{"-timeout", "200ms", "-retries", "0"},
			handler: func(_ int32, _ http.ResponseWriter, r *http.Request) { <-r.Context().Done() }},
		{name: "reset", flags: []string{"-retries", "0"},
			handler: func(_ int32, w http.ResponseWriter, _ *http.Request) {
				conn, _, err := http.NewResponseController(w).Hijack()
				if err == nil {
					conn.(*net.TCPConn).SetLinger(0)
					conn.Close()
				}
			}},
		{name: "500", flags: []string{"-retries", "0"},
			handler: func(_ int32, w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusInternalServerError) }},
		{name: "404",
			handler: func(_ int32, w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) }},
		{name: "truncated", flags: []string{"-retries", "0"},
			handler: func(_ int32, w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Length", "100000")
				w.Write(defaults.Page[:1000])
			}},
		{name: "oversized", flags: []string{"-max-bytes", "4096"},
			handler: func(_ int32, w http.ResponseWriter, _ *http.Request) { servePage(w) }},
		{name: "redirect loop",
			handler: func(_ int32, w http.ResponseWriter, r *http.Request) {
				target := "/b"
				if r.URL.Path == "/b" {
					target = "/response-codes"
				}
				http.Redirect(w, r, target, http.StatusFound)
			}},
		{name: "wrong content type",
			handler: func(_ int32, w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				w.Write([]byte(`{"error":"login required"}`))
			}},
	}
}

// TestFailedSourceLeavesOutputUntouched runs orcgen generate and check with
// a page URL served by a misbehaving server over an output directory
// generated from the embedded defaults: each exits 2 naming the URL, and
// leaves every file byte-identical.
func TestFailedSourceLeavesOutputUntouched(t *testing.T) {
	out := t.TempDir()
	var stderr bytes.Buffer
	if code := run([]string{"generate", "-out", out}, &stderr, &stderr); code != 0 {
		t.Fatalf("generate exited %d: %s", code, stderr.String())
	}
	before := testenv.HashTree(t, out)
	if len(before) != 8 {
		t.Fatalf("generate wrote %d files, want 8: %v", len(before), before)
	}
	for _, c := range cliFaults() {
		for _, cmd := range []string{"generate", "check"} {
			t.Run(c.name+"/"+cmd, func(t *testing.T) {
				url := faultServer(t, c.handler)
				var stdout, stderr bytes.Buffer
				args := append([]string{cmd, "-out", out, "-page", url}, c.flags...)
				code := run(args, &stdout, &stderr)
				t.Logf("stderr: %s", stderr.String())
				if code != 2 || stdout.Len() > 0 {
					t.Errorf("orcgen %s exited %d with stdout %q, want 2 and none; stderr:\n%s", strings.Join(args, " "), code, stdout.String(), stderr.String())
				}
				if want := `orcgen: read "` + url + `": `; !strings.HasPrefix(stderr.String(), want) {
					t.Errorf("stderr = %q, want prefix %q", stderr.String(), want)
				}
				if after := testenv.HashTree(t, out); !maps.Equal(before, after) {
					t.Errorf("output dir changed: %s", strings.Join(diffHashes(before, after), ", "))
				}
			})
		}
	}
}

// TestSourceRetriedAfter500 serves the page with a 500 before every good
// answer: generate and then check succeed by retrying once, and the model
// records the page as read from the URL, with the embedded page's hash.
func TestSourceRetriedAfter500(t *testing.T) {
	url := faultServer(t, func(n int32, w http.ResponseWriter, _ *http.Request) {
		if n%2 == 1 {
			w.WriteHeader(http.StatusInternalServerError)
			return
		}
		servePage(w)
	})
	out := t.TempDir()
	for _, cmd := range []string{"generate", "check"} {
		var stdout, stderr bytes.Buffer
		if code := run([]string{cmd, "-out", out, "-page", url, "-retries", "1"}, &stdout, &stderr); code != 0 {
			t.Fatalf("orcgen %s exited %d:\n%s%s", cmd, code, stdout.String(), stderr.String())
		}
	}
	data, err := os.ReadFile(filepath.Join(out, gen.ModelPath))
	if err != nil {
		t.Fatal(err)
	}
	var cat model.Catalog
	if err := json.Unmarshal(data, &cat); err != nil {
		t.Fatal(err)
	}
	// The page read after the retry is the embedded one: the same content
	// gives the same sources, and no URL is recorded.
	home := t.TempDir()
	if code := run([]string{"generate", "-out", home, "-artifacts", "model"}, io.Discard, io.Discard); code != 0 {
		t.Fatalf("generate from the defaults exited %d", code)
	}
	data, err = os.ReadFile(filepath.Join(home, gen.ModelPath))
	if err != nil {
		t.Fatal(err)
	}
	var want model.Catalog
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatal(err)
	}
	if len(cat.Sources) == 0 || !slices.Equal(cat.Sources, want.Sources) || cat.Sources[0].Kind != model.SourcePage {
		t.Errorf("model sources = %+v, want the page first, as from the embedded copy: %+v", cat.Sources, want.Sources)
	}
}
