package main

import (
	"bytes"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"github.com/orcgen/orcgen/model"
)

// stallingListener accepts connections on a loopback port and never
// answers, counting them: each HTTP attempt is one connection.
type stallingListener struct {
	net.Listener
	accepted atomic.Int32
	mu       sync.Mutex
	conns    []net.Conn
}

// newStallingListener starts one, closed when the test ends.
func newStallingListener(t *testing.T) *stallingListener {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &stallingListener{Listener: ln}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			s.accepted.Add(1)
			s.mu.Lock()
			s.conns = append(s.conns, c)
			s.mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		s.mu.Lock()
		defer s.mu.Unlock()
		for _, c := range s.conns {
			c.Close()
		}
	})
	return s
}

// TestHostileFetchStall runs fetch against a server that accepts and never
// answers, with a short deadline: it exits 2 once the deadline has passed,
// naming it, after no more attempts than fit in it (each attempt lasts its
// whole -timeout), and writes nothing. Issue 13: this took over two minutes
// (30 s per attempt, 3 retries).
func TestHostileFetchStall(t *testing.T) {
	s := newStallingListener(t)
	dir := t.TempDir()
	url := "http://" + s.Addr().String() + "/response-codes"
	var stdout, stderr bytes.Buffer
	start := time.Now()
	code := run([]string{"fetch", "-page", url, "-o", dir, "-timeout", "300ms", "-deadline", "1s", "-retries", "10"}, &stdout, &stderr)
	elapsed := time.Since(start)
	if code != 2 {
		t.Fatalf("exit %d, want 2\nstderr:\n%s", code, stderr.String())
	}
	if want := "no complete response within the 1s deadline"; !strings.Contains(stderr.String(), want) {
		t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
	}
	if n := s.accepted.Load(); n < 2 || n > 4 {
		t.Errorf("%d attempts, want 2 to 4: attempts of 300ms within a 1s deadline", n)
	}
	if elapsed < 900*time.Millisecond {
		t.Errorf("gave up after %v, before the deadline", elapsed)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("fetch wrote %d files, want none", len(entries))
	}
}

// pageServer serves the current body of a page, declaring a Content-Length
// shorter than the body when length is set.
type pageServer struct {
	*httptest.Server
	mu          sync.Mutex
	body        []byte
	length      int // declared Content-Length; 0 for len(body)
	contentType string
	etag        int
}

// newPageServer starts one serving body.
func newPageServer(t *testing.T, body []byte) *pageServer {
	p := &pageServer{body: body, contentType: "text/html; charset=utf-8"}
	p.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		p.mu.Lock()
		defer p.mu.Unlock()
		n := len(p.body)
		if p.length != 0 {
			n = p.length
		}
		w.Header().Set("Content-Type", p.contentType)
		w.Header().Set("Content-Length", strconv.Itoa(n))
		w.Header().Set("ETag", `"`+strconv.Itoa(p.etag)+`"`)
		w.Write(p.body[:n])
	}))
	t.Cleanup(p.Close)
	return p
}

// set changes what the server serves.
func (p *pageServer) set(body []byte, length int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.body, p.length = body, length
	p.etag++
}

// fetchPage runs orcgen fetch -page url -o dir and returns its exit code
// and stderr.
func fetchPage(t *testing.T, url, dir string) (int, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run([]string{"fetch", "-page", url, "-o", dir, "-retries", "0"}, &stdout, &stderr)
	return code, stderr.String()
}

// TestHostileFetchShortBody checks that a body shorter than its page (a
// Content-Length cut inside the table) and a complete body holding more
// than 10% fewer codes than the previous snapshot are refused, exit 2,
// and keep the previous snapshot. Issue 13: a truncated snapshot of 79 of
// 119 codes was saved with exit 0.
func TestHostileFetchShortBody(t *testing.T) {
	full, err := codesPage(nil, "standard", 119)
	if err != nil {
		t.Fatal(err)
	}
	srv := newPageServer(t, full)
	dir := t.TempDir()
	if code, stderr := fetchPage(t, srv.URL, dir); code != 0 {
		t.Fatalf("first fetch: exit %d\n%s", code, stderr)
	}
	snapshot := filepath.Join(dir, pageSnapshotName)
	before := readTestFile(t, snapshot)

	fewer, err := codesPage(nil, "standard", 100)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		body   []byte
		length int
		want   string
	}{
		{"Content-Length cut inside the table", full, len(full) * 2 / 3, "page is cut short: 1 table opened, 0 closed (no closing </table>)"},
		{"more than 10% fewer codes", fewer, 0, "100 codes, more than 10% fewer than the previous snapshot's 119: the body looks cut short"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv.set(tt.body, tt.length)
			code, stderr := fetchPage(t, srv.URL, dir)
			if code != 2 || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr:\n%s\nwant exit 2 and %q", code, stderr, tt.want)
			}
			if after := readTestFile(t, snapshot); !bytes.Equal(after, before) {
				t.Errorf("the previous snapshot was replaced")
			}
		})
	}
}

// TestHostileFetchCharset checks that a page served as windows-1251 and
// read back from its snapshot keeps its text: the charset fetch recorded is
// honoured on read, over the page's own <meta charset="utf-8">.
func TestHostileFetchCharset(t *testing.T) {
	rows := []byte("<tr><td><p>90001</p></td><td><p>Элемент не найден.</p></td><td><p>Robots</p></td></tr>\n")
	page, err := codesPage(rows, "standard", 50)
	if err != nil {
		t.Fatal(err)
	}
	encoded, err := charmap.Windows1251.NewEncoder().Bytes(page)
	if err != nil {
		t.Fatal(err)
	}
	srv := newPageServer(t, encoded)
	srv.contentType = "text/html; charset=windows-1251"
	dir := t.TempDir()
	if code, stderr := fetchPage(t, srv.URL, dir); code != 0 {
		t.Fatalf("fetch: exit %d\n%s", code, stderr)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"model", "-page", filepath.Join(dir, pageSnapshotName)}, &stdout, &stderr); code != 0 {
		t.Fatalf("model: exit %d\n%s", code, stderr.String())
	}
	var cat model.Catalog
	if err := json.Unmarshal(stdout.Bytes(), &cat); err != nil {
		t.Fatal(err)
	}
	for _, c := range cat.Codes {
		if c.Code == 90001 {
			if len(c.Messages) != 1 || c.Messages[0] != "Элемент не найден." {
				t.Errorf("90001 messages %q, want the Cyrillic text", c.Messages)
			}
			return
		}
	}
	t.Errorf("no code 90001 in the snapshot's model")
}
