package source

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
)

func TestRedirectPolicy(t *testing.T) {
	req := func(u string) *http.Request {
		r, err := http.NewRequest(http.MethodGet, u, nil)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	chain := func(n int) []*http.Request {
		var via []*http.Request
		for i := range n {
			via = append(via, req("http://a.test/r"+string(rune('a'+i))))
		}
		return via
	}
	tests := []struct {
		name    string
		max     int
		next    string
		via     []*http.Request
		wantErr string
	}{
		{"first redirect", 5, "http://b.test/", chain(1), ""},
		{"fifth redirect", 5, "http://b.test/", chain(5), ""},
		{"sixth redirect", 5, "http://b.test/", chain(6), "stopped after 5 redirects"},
		{"loop", 5, "http://a.test/ra", chain(2), `redirect loop back to "http://a.test/ra"`},
		{"disabled", 0, "http://b.test/", chain(1), `redirect to "http://b.test/" not followed: redirects are disabled`},
		{"scheme", 5, "gopher://b.test/", chain(1), `redirect to "gopher://b.test/" refused: scheme "gopher" is not http or https`},
		{"password redacted", 5, "ftp://u:pw@b.test/", chain(1), `redirect to "ftp://u:xxxxx@b.test/" refused: scheme "ftp" is not http or https`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			next, err := url.Parse(tt.next)
			if err != nil {
				t.Fatal(err)
			}
			err = redirectPolicy(tt.max, AllowHTTP)(&http.Request{URL: next}, tt.via)
			got := ""
			if err != nil {
				got = err.Error()
				if asRedirectError(err) == nil {
					t.Errorf("error %T is not a *redirectError", err)
				}
			}
			if got != tt.wantErr {
				t.Errorf("policy = %q, want %q", got, tt.wantErr)
			}
		})
	}
}

func TestReadHTTPSDowngradeRefused(t *testing.T) {
	plain := newServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) { ok(w) })
	tlsServer := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, plain.URL+"/page", http.StatusFound)
	}))
	t.Cleanup(tlsServer.Close)
	opts := testOptions()
	opts.Client = tlsServer.Client()
	_, err := Read(context.Background(), tlsServer.URL, opts)
	wantError(t, err, Redirects, tlsServer.URL)
	want := `read "` + tlsServer.URL + `": redirect to "` + plain.URL + `/page" refused: downgrade from https to http`
	if err.Error() != want {
		t.Errorf("error = %q, want %q", err, want)
	}
	if n := plain.requests.Load(); n != 0 {
		t.Errorf("plain server saw %d requests, want 0", n)
	}
}
