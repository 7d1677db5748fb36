package source

import (
	"context"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestReadHTTPDeadlineAcrossAttempts checks that the deadline bounds a
// read of a server that accepts and never answers, across attempts: the
// read fails as Unreachable naming the deadline, and no more attempts are
// made than fit in it (each lasts a full Timeout).
func TestReadHTTPDeadlineAcrossAttempts(t *testing.T) {
	var s *server
	s = newServer(t, func(_ int, _ http.ResponseWriter, r *http.Request) { s.stall(r) })
	opts := testOptions()
	opts.Timeout, opts.Deadline, opts.Retries = 300*time.Millisecond, time.Second, 100
	start := time.Now()
	_, err := Read(context.Background(), s.URL, opts)
	elapsed := time.Since(start)
	e := wantError(t, err, Unreachable, s.URL)
	if !strings.Contains(e.Error(), "deadline") {
		t.Errorf("error %q does not name the deadline", e)
	}
	// Each attempt lasts its whole Timeout, so at most Deadline/Timeout+1
	// attempts start before the deadline, however slow the machine.
	if n := s.requests.Load(); n < 2 || n > 4 {
		t.Errorf("server saw %d requests, want 2 to 4 within a 1s deadline of 300ms attempts", n)
	}
	if elapsed < 900*time.Millisecond {
		t.Errorf("Read gave up after %s, before the 1s deadline", elapsed)
	}
}

// TestReadHTTPDeadlineNoWait checks that a wait between attempts that
// would pass the deadline is not begun: the read fails at once.
func TestReadHTTPDeadlineNoWait(t *testing.T) {
	s := newServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusBadGateway) })
	opts := testOptions()
	opts.Deadline, opts.Backoff, opts.MaxRetryWait = time.Minute, time.Hour, time.Hour
	_, err := Read(context.Background(), s.URL, opts)
	e := wantError(t, err, HTTPStatus, s.URL)
	if !strings.Contains(e.Error(), "no time left for another attempt within the 1m0s deadline") {
		t.Errorf("error %q", e)
	}
	if n := s.requests.Load(); n != 1 {
		t.Errorf("server saw %d requests, want 1", n)
	}
}

// TestReadHTTPCallerCancelNotDeadline checks that the caller's cancel is
// still Canceled, not the deadline.
func TestReadHTTPCallerCancelNotDeadline(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	s := newServer(t, func(_ int, _ http.ResponseWriter, r *http.Request) {
		cancel()
		<-r.Context().Done()
	})
	_, err := Read(ctx, s.URL, testOptions())
	wantError(t, err, Canceled, s.URL)
}

// TestRedact checks that user information and query strings leave URLs,
// and that paths are untouched.
func TestRedact(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://user:secret@docs.example.com/p?sig=abc&x=1#frag", "https://docs.example.com/p#frag"},
		{"https://token@example.com/a", "https://example.com/a"},
		{"http://example.com/a?", "http://example.com/a"},
		{"https://example.com/a/b.json", "https://example.com/a/b.json"},
		{"specs/openapi.json", "specs/openapi.json"},
		{"C:\\specs\\a?b.json", "C:\\specs\\a?b.json"},
		{"", ""},
		{"::not a url://", "::not a url://"},
	}
	for _, tt := range tests {
		if got := Redact(tt.in); got != tt.want {
			t.Errorf("Redact(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestReadSnapshotCharset checks that reading a snapshot file gives the
// Content-Type its metadata recorded, so its charset is honoured, and only
// while the metadata describes the file's bytes.
func TestReadSnapshotCharset(t *testing.T) {
	dir := t.TempDir()
	body := "<p>\xcf\xf0\xe8\xe2\xe5\xf2</p>" // "Привет" in windows-1251
	s := newServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=windows-1251")
		w.Write([]byte(body))
	})
	res, err := Fetch(context.Background(), s.URL, dir, "page.html", nil, fetchOptions())
	if err != nil {
		t.Fatal(err)
	}
	in, err := Read(context.Background(), res.Path, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if in.ContentType != "text/html; charset=windows-1251" {
		t.Errorf("ContentType %q, want the snapshot's", in.ContentType)
	}
	if err := os.WriteFile(res.Path, []byte(body+"edited"), 0o644); err != nil {
		t.Fatal(err)
	}
	if in, err = Read(context.Background(), res.Path, testOptions()); err != nil || in.ContentType != "" {
		t.Errorf("edited snapshot: ContentType %q, %v; want none", in.ContentType, err)
	}
	other := filepath.Join(dir, "plain.html")
	if err := os.WriteFile(other, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	if in, err = Read(context.Background(), other, testOptions()); err != nil || in.ContentType != "" {
		t.Errorf("file without metadata: ContentType %q, %v", in.ContentType, err)
	}
}

// TestFetchGivesPrevious checks that the validator sees the previous
// snapshot, and that refusing keeps it.
func TestFetchGivesPrevious(t *testing.T) {
	dir := t.TempDir()
	v := newVersionedServer(t, "<table>long body</table>", `"v1"`)
	validate := func(in *Input) error {
		if in.Previous != nil && len(in.Data) < len(in.Previous.Data) {
			return errors.New("shorter than the previous snapshot")
		}
		return nil
	}
	if _, err := Fetch(context.Background(), v.URL, dir, "p.html", validate, fetchOptions()); err != nil {
		t.Fatal(err)
	}
	v.body, v.etag = "<table>", `"v2"`
	_, err := Fetch(context.Background(), v.URL, dir, "p.html", validate, fetchOptions())
	if err == nil || !strings.Contains(err.Error(), "shorter than the previous snapshot") {
		t.Fatalf("error %v", err)
	}
	if got := readString(t, filepath.Join(dir, "p.html")); got != "<table>long body</table>" {
		t.Errorf("snapshot %q, want the previous one kept", got)
	}
}
