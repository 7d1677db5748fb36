package source

import (
	"net/http"
	"net/url"
	"testing"
	"time"
)

func TestSetDefaults(t *testing.T) {
	var o Options
	o.setDefaults()
	if o.Timeout != 30*time.Second || o.MaxBytes != 32<<20 || o.Retries != 3 ||
		o.Backoff != 500*time.Millisecond || o.MaxRetryWait != 30*time.Second || o.MaxRedirects != 5 {
		t.Errorf("defaults: Timeout %s, MaxBytes %d, Retries %d, Backoff %s, MaxRetryWait %s, MaxRedirects %d",
			o.Timeout, o.MaxBytes, o.Retries, o.Backoff, o.MaxRetryWait, o.MaxRedirects)
	}
	if o.UserAgent != "orcgen (+https://github.com/orcgen/orcgen)" {
		t.Errorf("default UserAgent = %q", o.UserAgent)
	}
	if o.Client == nil || o.Client.CheckRedirect == nil || o.AllowRedirect == nil || o.Now == nil {
		t.Errorf("defaults left Client %v, AllowRedirect or Now nil", o.Client)
	}
}

func TestSetDefaultsNegativeDisables(t *testing.T) {
	o := Options{Retries: -1, MaxRedirects: -1}
	o.setDefaults()
	if o.Retries != 0 || o.MaxRedirects != 0 {
		t.Errorf("Retries %d, MaxRedirects %d after setDefaults, want 0 and 0", o.Retries, o.MaxRedirects)
	}
}

func TestSetDefaultsCopiesClient(t *testing.T) {
	orig := &http.Client{Timeout: time.Minute}
	o := Options{Client: orig}
	o.setDefaults()
	if o.Client == orig {
		t.Fatal("setDefaults used the caller's client instead of a copy")
	}
	if orig.CheckRedirect != nil {
		t.Error("setDefaults changed the caller's client's CheckRedirect")
	}
	if o.Client.Timeout != time.Minute {
		t.Errorf("copied client Timeout = %s, want 1m0s", o.Client.Timeout)
	}
}

func TestAllowHTTP(t *testing.T) {
	tests := []struct {
		from, to string
		wantErr  string
	}{
		{"http://a.test/", "https://b.test/", ""},
		{"https://a.test/", "https://b.test/", ""},
		{"http://a.test/", "http://b.test/", ""},
		{"https://a.test/", "http://b.test/", "downgrade from https to http"},
		{"https://a.test/", "file:///etc/passwd", `scheme "file" is not http or https`},
		{"http://a.test/", "ftp://b.test/x", `scheme "ftp" is not http or https`},
	}
	for _, tt := range tests {
		from, _ := url.Parse(tt.from)
		to, _ := url.Parse(tt.to)
		err := AllowHTTP(from, to)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tt.wantErr {
			t.Errorf("AllowHTTP(%s, %s) = %q, want %q", tt.from, tt.to, got, tt.wantErr)
		}
	}
}

func TestAccept(t *testing.T) {
	tests := []struct {
		contentType string
		page, spec  bool
	}{
		{"", true, true},
		{"text/html; charset=utf-8", true, false},
		{"TEXT/HTML", true, false},
		{"application/xhtml+xml", true, false},
		{"text/markdown", true, false},
		{"text/plain; charset=utf-8", true, true},
		{"application/json", false, true},
		{"application/json; charset=utf-8", false, true},
		{"application/yaml", false, true},
		{"application/x-yaml", false, true},
		{"text/yaml", false, true},
		{"application/octet-stream", false, true},
		{"image/png", false, false},
		{"application/pdf", false, false},
		{"text/html; charset=", false, false},
	}
	for _, tt := range tests {
		if got := AcceptPage(tt.contentType); got != tt.page {
			t.Errorf("AcceptPage(%q) = %v, want %v", tt.contentType, got, tt.page)
		}
		if got := AcceptSpec(tt.contentType); got != tt.spec {
			t.Errorf("AcceptSpec(%q) = %v, want %v", tt.contentType, got, tt.spec)
		}
	}
}
