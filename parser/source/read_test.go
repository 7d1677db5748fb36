package source

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// wantError asserts that err is an *Error of kind whose message names
// source (quoted) and returns it.
func wantError(t *testing.T, err error, kind Kind, source string) *Error {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error = %v (%T), want *Error of kind %s", err, err, kind)
	}
	if e.Kind != kind {
		t.Errorf("error kind = %s, want %s (error: %v)", e.Kind, kind, err)
	}
	if quoted := `read "` + source + `"`; !strings.HasPrefix(err.Error(), quoted) {
		t.Errorf("error %q does not start with %q", err, quoted)
	}
	return e
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "page.html")
	empty := filepath.Join(dir, "empty.html")
	big := filepath.Join(dir, "big.html")
	writeFile(t, page, "<table></table>")
	writeFile(t, empty, "")
	writeFile(t, big, strings.Repeat("x", 11))
	missing := filepath.Join(dir, "missing.html")

	tests := []struct {
		name     string
		src      string
		maxBytes int64
		wantData string
		wantKind Kind
		wantMsg  string
	}{
		{name: "file", src: page, wantData: "<table></table>"},
		{name: "empty file", src: empty, wantData: ""},
		{name: "at the limit", src: big, maxBytes: 11, wantData: strings.Repeat("x", 11)},
		{name: "over the limit", src: big, maxBytes: 10, wantKind: TooLarge,
			wantMsg: `read "` + big + `": file exceeds the 10-byte limit`},
		{name: "missing", src: missing, wantKind: NotFound,
			wantMsg: `read "` + missing + `": no such file or directory`},
		{name: "directory", src: dir, wantKind: Unreadable,
			wantMsg: `read "` + dir + `": is a directory, not a file`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, err := Read(context.Background(), tt.src, Options{MaxBytes: tt.maxBytes})
			if tt.wantKind != 0 {
				wantError(t, err, tt.wantKind, tt.src)
				if err.Error() != tt.wantMsg {
					t.Errorf("error = %q, want %q", err, tt.wantMsg)
				}
				return
			}
			if err != nil {
				t.Fatalf("Read(%q) = %v", tt.src, err)
			}
			if string(in.Data) != tt.wantData || in.Data == nil {
				t.Errorf("Read(%q).Data = %q (nil: %v), want %q", tt.src, in.Data, in.Data == nil, tt.wantData)
			}
			if in.URI != tt.src || in.ContentType != "" || in.ETag != "" || in.LastModified != "" {
				t.Errorf("Read(%q) = URI %q, ContentType %q, ETag %q, LastModified %q; want the path and no HTTP fields",
					tt.src, in.URI, in.ContentType, in.ETag, in.LastModified)
			}
		})
	}
}

func TestReadFilePermissionDenied(t *testing.T) {
	if runtime.GOOS == "windows" || os.Getuid() == 0 {
		t.Skip("file modes do not deny reading here")
	}
	path := filepath.Join(t.TempDir(), "secret.html")
	writeFile(t, path, "x")
	if err := os.Chmod(path, 0); err != nil {
		t.Fatal(err)
	}
	_, err := Read(context.Background(), path, Options{})
	wantError(t, err, Unreadable, path)
	if want := `read "` + path + `": permission denied`; err.Error() != want {
		t.Errorf("error = %q, want %q", err, want)
	}
}

func TestReadBadSource(t *testing.T) {
	tests := []struct{ src, want string }{
		{"", `read "": empty source: give a file path or an http(s) URL`},
		{"file:///tmp/page.html", `read "file:///tmp/page.html": file URLs are not supported: give the path "/tmp/page.html" instead`},
		{"ftp://x.test/page.html", `read "ftp://x.test/page.html": unsupported scheme "ftp": give a file path or an http(s) URL`},
		{"https:///page.html", `read "https:///page.html": URL has no host`},
		{"http://x.test/%zz", `read "http://x.test/%zz": malformed URL: invalid URL escape "%zz"`},
	}
	for _, tt := range tests {
		_, err := Read(context.Background(), tt.src, Options{})
		wantError(t, err, BadSource, tt.src)
		if err != nil && err.Error() != tt.want {
			t.Errorf("Read(%q) error = %q, want %q", tt.src, err, tt.want)
		}
	}
}

func TestParseSourcePaths(t *testing.T) {
	for _, src := range []string{"page.html", `C:\docs\page.html`, "/abs/page.html", "http:page.html", "-"} {
		isURL, err := parseSource(src)
		if isURL || err != nil {
			t.Errorf("parseSource(%q) = %v, %v; want a file path", src, isURL, err)
		}
	}
	for _, src := range []string{"http://x.test/", "HTTPS://x.test/p"} {
		isURL, err := parseSource(src)
		if !isURL || err != nil {
			t.Errorf("parseSource(%q) = %v, %v; want a URL", src, isURL, err)
		}
	}
}

func TestReadCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Read(ctx, "page.html", Options{})
	e := wantError(t, err, Canceled, "page.html")
	if !errors.Is(e, context.Canceled) {
		t.Errorf("error %v does not wrap context.Canceled", err)
	}
}

// writeFile writes content to path or fails the test.
func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
