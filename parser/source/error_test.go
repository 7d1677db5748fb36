package source

import (
	"errors"
	"io/fs"
	"testing"
)

func TestKindString(t *testing.T) {
	tests := []struct {
		kind Kind
		want string
	}{
		{NotFound, "not found"},
		{Unreachable, "unreachable"},
		{HTTPStatus, "HTTP status"},
		{TooLarge, "too large"},
		{BadContent, "bad content"},
		{Redirects, "redirects"},
		{BadSource, "bad source"},
		{Unreadable, "unreadable"},
		{Canceled, "canceled"},
		{0, "Kind(0)"},
		{42, "Kind(42)"},
	}
	for _, tt := range tests {
		if got := tt.kind.String(); got != tt.want {
			t.Errorf("Kind(%d).String() = %q, want %q", int(tt.kind), got, tt.want)
		}
	}
}

func TestErrorMessage(t *testing.T) {
	tests := []struct {
		err  *Error
		want string
	}{
		{&Error{Source: "page.html", Kind: NotFound, Err: fs.ErrNotExist},
			`read "page.html": file does not exist`},
		{&Error{Source: "https://x.test/p", Kind: HTTPStatus, Status: 503, Attempts: 4, Err: errors.New("HTTP 503 Service Unavailable")},
			`read "https://x.test/p": HTTP 503 Service Unavailable (after 4 attempts)`},
		{&Error{Source: "https://x.test/p", Kind: NotFound, Status: 404, Attempts: 1, Err: errors.New("HTTP 404 Not Found")},
			`read "https://x.test/p": HTTP 404 Not Found`},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

func TestErrorUnwrap(t *testing.T) {
	err := error(&Error{Source: "p", Kind: NotFound, Err: fs.ErrNotExist})
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("errors.Is(%v, fs.ErrNotExist) = false, want true", err)
	}
}

func TestDisplaySource(t *testing.T) {
	tests := []struct{ src, want string }{
		{"https://user:secret@x.test/p", "https://x.test/p"},
		{"https://x.test/p?access_token=1", "https://x.test/p"},
		{"testdata/page.html", "testdata/page.html"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := displaySource(tt.src); got != tt.want {
			t.Errorf("displaySource(%q) = %q, want %q", tt.src, got, tt.want)
		}
	}
}
