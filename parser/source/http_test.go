package source

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// testOptions keep the suite fast: millisecond backoff, two retries.
func testOptions() Options {
	return Options{Timeout: 5 * time.Second, Retries: 2, Backoff: time.Millisecond, MaxRetryWait: 10 * time.Millisecond}
}

// server is a loopback test server counting the requests it answered.
type server struct {
	*httptest.Server
	requests atomic.Int32
	// done is closed when the test ends, releasing stalled handlers.
	done chan struct{}
}

// newServer starts a loopback server whose n-th request (1-based) is
// answered by handler.
func newServer(t *testing.T, handler func(n int, w http.ResponseWriter, r *http.Request)) *server {
	t.Helper()
	s := &server{done: make(chan struct{})}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		handler(int(s.requests.Add(1)), w, r)
	}))
	t.Cleanup(s.Close)
	t.Cleanup(func() { close(s.done) })
	return s
}

// stall blocks until the client gives up or the test ends.
func (s *server) stall(r *http.Request) {
	select {
	case <-r.Context().Done():
	case <-s.done:
	}
}

// ok answers with a small HTML page.
func ok(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write([]byte("<table></table>"))
}

// reset closes the connection with a TCP RST and no response.
func reset(t *testing.T, w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		t.Errorf("hijack: %v", err)
		return
	}
	conn.(*net.TCPConn).SetLinger(0)
	conn.Close()
}

// truncate declares a 100-byte body and sends 10 bytes of it.
func truncate(w http.ResponseWriter) {
	w.Header().Set("Content-Length", "100")
	w.Write([]byte("0123456789"))
}

func TestReadHTTPSuccess(t *testing.T) {
	var gotUA, gotINM string
	s := newServer(t, func(_ int, w http.ResponseWriter, r *http.Request) {
		gotUA, gotINM = r.Header.Get("User-Agent"), r.Header.Get("If-None-Match")
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Tue, 03 Nov 2026 10:00:00 GMT")
		ok(w)
	})
	src := s.URL + "/page"
	in, err := Read(context.Background(), src, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if in.URI != src || string(in.Data) != "<table></table>" || in.ContentType != "text/html; charset=utf-8" ||
		in.ETag != `"v1"` || in.LastModified != "Tue, 03 Nov 2026 10:00:00 GMT" {
		t.Errorf("Read = %+v", in)
	}
	if gotUA != DefaultUserAgent || gotINM != "" {
		t.Errorf("request had User-Agent %q and If-None-Match %q, want %q and none", gotUA, gotINM, DefaultUserAgent)
	}
}

// faultCase is a misbehaving server and the outcome Read must report.
type faultCase struct {
	name    string
	handler func(t *testing.T, s *server, n int, w http.ResponseWriter, r *http.Request)
	opts    func(*Options)
	// wantKind is the error kind; 0 means Read must succeed.
	wantKind     Kind
	wantStatus   int
	wantAttempts int
	// wantCause is the message after `read "<url>": `, or its prefix
	// when it ends in "...".
	wantCause    string
	wantRequests int
}

// faultCases are shared by the Read and Fetch fault tests.
func faultCases() []faultCase {
	return []faultCase{
		{name: "404", wantKind: NotFound, wantStatus: 404, wantAttempts: 1, wantRequests: 1,
			wantCause: "HTTP 404 Not Found",
			handler: func(_ *testing.T, _ *server, _ int, w http.ResponseWriter, _ *http.Request) {
				http.NotFound(w, nil)
			}},
		{name: "410", wantKind: NotFound, wantStatus: 410, wantAttempts: 1, wantRequests: 1,
			wantCause: "HTTP 410 Gone",
			handler: func(_ *testing.T, _ *server, _ int, w http.ResponseWriter, _ *http.Request) {
				w.WriteHeader(http.StatusGone)
			}},
		{name: "403 is not retried", wantKind: HTTPStatus, wantStatus: 403, wantAttempts: 1, wantRequests: 1,
			wantCause: "HTTP 403 Forbidden",
			handler: func(_ *testing.T, _ *server, _ int, w http.ResponseWriter, _ *http.Request) {
				w.WriteHeader(http.StatusForbidden)
			}},
		{name: "500 every time", wantKind: HTTPStatus, wantStatus: 500, wantAttempts: 3, wantRequests: 3,
			wantCause: "HTTP 500 Internal Server Error (after 3 attempts)",
			handler: func(_ *testing.T, _ *server, _ int, w http.ResponseWriter, _ *http.Request) {
				w.WriteHeader(http.StatusInternalServerError)
			}},
		{name: "500 then 200", wantRequests: 2,
			handler: func(_ *testing.T, _ *server, n int, w http.ResponseWriter, _ *http.Request) {
				if n == 1 {
					w.WriteHeader(http.StatusInternalServerError)
					return
				}
				ok(w)
			}},
		{name: "429 every time", wantKind: HTTPStatus, wantStatus: 429, wantAttempts: 3, wantRequests: 3,
			wantCause: "HTTP 429 Too Many Requests (after 3 attempts)",
			handler: func(_ *testing.T, _ *server, _ int, w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Retry-After", "3600")
				w.WriteHeader(http.StatusTooManyRequests)
			}},
		{name: "304 to an unconditional request", wantKind: HTTPStatus, wantStatus: 304, wantAttempts: 1, wantRequests: 1,
			wantCause: "HTTP 304 Not Modified",
			handler: func(_ *testing.T, _ *server, _ int, w http.ResponseWriter, _ *http.Request) {
				w.WriteHeader(http.StatusNotModified)
			}},
		{name: "connection reset", wantKind: Unreachable, wantAttempts: 3, wantRequests: 3,
			handler: func(t *testing.T, _ *server, _ int, w http.ResponseWriter, _ *http.Request) {
				reset(t, w)
			}},
		{name: "reset then 200", wantRequests: 2,
			handler: func(t *testing.T, _ *server, n int, w http.ResponseWriter, _ *http.Request) {
				if n == 1 {
					reset(t, w)
					return
				}
				ok(w)
			}},
		{name: "stall before the headers", wantKind: Unreachable, wantAttempts: 2, wantRequests: 2,
			wantCause: "no complete response within 200ms: ...",
			opts:      func(o *Options) { o.Timeout, o.Retries = 200*time.Millisecond, 1 },
			handler: func(_ *testing.T, s *server, _ int, _ http.ResponseWriter, r *http.Request) {
				s.stall(r)
			}},
		{name: "stall in the body", wantKind: Unreachable, wantStatus: 200, wantAttempts: 2, wantRequests: 2,
			wantCause: "no complete response within 200ms: ...",
			opts:      func(o *Options) { o.Timeout, o.Retries = 200*time.Millisecond, 1 },
			handler: func(_ *testing.T, s *server, _ int, w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Length", "100")
				w.Write([]byte("<table>"))
				http.NewResponseController(w).Flush()
				s.stall(r)
			}},
		{name: "truncated body", wantKind: BadContent, wantStatus: 200, wantAttempts: 3, wantRequests: 3,
			wantCause: "truncated body: unexpected EOF (after 3 attempts)",
			handler: func(_ *testing.T, _ *server, _ int, w http.ResponseWriter, _ *http.Request) {
				truncate(w)
			}},
		{name: "truncated then 200", wantRequests: 2,
			handler: func(_ *testing.T, _ *server, n int, w http.ResponseWriter, _ *http.Request) {
				if n == 1 {
					truncate(w)
					return
				}
				ok(w)
			}},
		{name: "oversized with Content-Length", wantKind: TooLarge, wantStatus: 200, wantAttempts: 1, wantRequests: 1,
			wantCause: "body of 2048 bytes exceeds the 1024-byte limit",
			opts:      func(o *Options) { o.MaxBytes = 1024 },
			handler: func(_ *testing.T, _ *server, _ int, w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Length", "2048")
				w.Write(make([]byte, 2048))
			}},
		{name: "oversized chunked", wantKind: TooLarge, wantStatus: 200, wantAttempts: 1, wantRequests: 1,
			wantCause: "body exceeds the 1024-byte limit",
			opts:      func(o *Options) { o.MaxBytes = 1024 },
			handler: func(_ *testing.T, _ *server, _ int, w http.ResponseWriter, _ *http.Request) {
				for range 4 {
					w.Write(make([]byte, 512))
					http.NewResponseController(w).Flush()
				}
			}},
		{name: "wrong content type", wantKind: BadContent, wantStatus: 200, wantAttempts: 1, wantRequests: 1,
			wantCause: `content type "application/json" not accepted`,
			opts:      func(o *Options) { o.Accept = AcceptPage },
			handler: func(_ *testing.T, _ *server, _ int, w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				w.Write([]byte(`{"error":"login required"}`))
			}},
		{name: "redirect loop", wantKind: Redirects, wantAttempts: 1, wantRequests: 2,
			wantCause: `redirect loop back to "http://...`,
			handler: func(_ *testing.T, _ *server, _ int, w http.ResponseWriter, r *http.Request) {
				target := "/b"
				if r.URL.Path == "/b" {
					target = "/page"
				}
				http.Redirect(w, r, target, http.StatusFound)
			}},
		{name: "too many redirects", wantKind: Redirects, wantAttempts: 1, wantRequests: 6,
			wantCause: "stopped after 5 redirects",
			handler: func(_ *testing.T, _ *server, n int, w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, "/r"+strconv.Itoa(n), http.StatusFound)
			}},
		{name: "redirect to another scheme", wantKind: Redirects, wantAttempts: 1, wantRequests: 1,
			wantCause: `redirect to "file:///etc/passwd" refused: scheme "file" is not http or https`,
			handler: func(_ *testing.T, _ *server, _ int, w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
			}},
		{name: "redirects disabled", wantKind: Redirects, wantAttempts: 1, wantRequests: 1,
			wantCause: `redirect to "http://...`,
			opts:      func(o *Options) { o.MaxRedirects = -1 },
			handler: func(_ *testing.T, _ *server, _ int, w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, "/elsewhere", http.StatusMovedPermanently)
			}},
		{name: "one redirect followed", wantRequests: 2,
			handler: func(_ *testing.T, _ *server, n int, w http.ResponseWriter, r *http.Request) {
				if n == 1 {
					http.Redirect(w, r, "/moved", http.StatusMovedPermanently)
					return
				}
				ok(w)
			}},
	}
}

// run starts the case's server and returns it with the URL to read and the
// options to read it with.
func (c faultCase) run(t *testing.T) (*server, string, Options) {
	var s *server
	s = newServer(t, func(n int, w http.ResponseWriter, r *http.Request) { c.handler(t, s, n, w, r) })
	opts := testOptions()
	if c.opts != nil {
		c.opts(&opts)
	}
	return s, s.URL + "/page", opts
}

// check asserts err against the case and the server's request count.
func (c faultCase) check(t *testing.T, s *server, src string, err error) {
	t.Helper()
	t.Logf("error: %v", err)
	if got := int(s.requests.Load()); got != c.wantRequests {
		t.Errorf("server saw %d requests, want %d", got, c.wantRequests)
	}
	if c.wantKind == 0 {
		if err != nil {
			t.Fatalf("error = %v, want success", err)
		}
		return
	}
	e := wantError(t, err, c.wantKind, src)
	if e.Status != c.wantStatus || e.Attempts != c.wantAttempts {
		t.Errorf("Status %d, Attempts %d; want %d, %d", e.Status, e.Attempts, c.wantStatus, c.wantAttempts)
	}
	cause := strings.TrimPrefix(err.Error(), `read "`+src+`": `)
	if prefix, ok := strings.CutSuffix(c.wantCause, "..."); ok {
		if !strings.HasPrefix(cause, prefix) {
			t.Errorf("cause = %q, want prefix %q", cause, prefix)
		}
	} else if c.wantCause != "" && cause != c.wantCause {
		t.Errorf("cause = %q, want %q", cause, c.wantCause)
	}
}

func TestReadHTTPFaults(t *testing.T) {
	for _, c := range faultCases() {
		t.Run(c.name, func(t *testing.T) {
			s, src, opts := c.run(t)
			in, err := Read(context.Background(), src, opts)
			c.check(t, s, src, err)
			if err == nil && string(in.Data) != "<table></table>" {
				t.Errorf("Data = %q, want the page", in.Data)
			}
		})
	}
}

func TestReadHTTPRefused(t *testing.T) {
	s := httptest.NewServer(http.NotFoundHandler())
	src := s.URL + "/page"
	s.Close()
	_, err := Read(context.Background(), src, testOptions())
	e := wantError(t, err, Unreachable, src)
	if e.Attempts != 3 || !strings.Contains(err.Error(), "connection refused") {
		t.Errorf("error = %v with %d attempts, want connection refused after 3", err, e.Attempts)
	}
}

func TestReadHTTPRetryAfterDate(t *testing.T) {
	const date = "Tue, 03 Nov 2026 10:00:00 GMT"
	s := newServer(t, func(n int, w http.ResponseWriter, _ *http.Request) {
		if n == 1 {
			w.Header().Set("Retry-After", date)
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		ok(w)
	})
	opts := testOptions()
	opts.MaxRetryWait = 5 * time.Second
	serverNow, _ := http.ParseTime(date)
	opts.Now = func() time.Time { return serverNow.Add(-300 * time.Millisecond) }
	start := time.Now()
	if _, err := Read(context.Background(), s.URL, opts); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d < 300*time.Millisecond || d > 3*time.Second {
		t.Errorf("Read took %s, want the 300ms Retry-After wait", d)
	}
}

func TestReadHTTPRetryAfterCapped(t *testing.T) {
	s := newServer(t, func(n int, w http.ResponseWriter, _ *http.Request) {
		if n == 1 {
			w.Header().Set("Retry-After", "3600")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		ok(w)
	})
	start := time.Now()
	if _, err := Read(context.Background(), s.URL, testOptions()); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("Read took %s, want the Retry-After wait capped at MaxRetryWait (10ms)", d)
	}
}

func TestReadHTTPCanceledDuringBackoff(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s := newServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) {
		cancel()
		w.WriteHeader(http.StatusInternalServerError)
	})
	opts := testOptions()
	opts.Backoff, opts.MaxRetryWait = time.Hour, time.Hour
	start := time.Now()
	_, err := Read(ctx, s.URL, opts)
	e := wantError(t, err, Canceled, s.URL)
	if !errors.Is(e, context.Canceled) {
		t.Errorf("error %v does not wrap context.Canceled", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("Read took %s after cancel, want an immediate return", d)
	}
	if n := s.requests.Load(); n != 1 {
		t.Errorf("server saw %d requests, want 1", n)
	}
}

func TestReadHTTPRedactsCredentials(t *testing.T) {
	s := newServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) { http.NotFound(w, nil) })
	src := strings.Replace(s.URL, "http://", "http://me:secret@", 1) + "/page?access_token=tok"
	_, err := Read(context.Background(), src, testOptions())
	wantError(t, err, NotFound, s.URL+"/page")
	for _, secret := range []string{"me:", "secret", "tok"} {
		if strings.Contains(err.Error(), secret) {
			t.Errorf("error %q shows %q", err, secret)
		}
	}
	// A connection error (net/http's *url.Error repeats the URL) too.
	dead := "http://me:secret@127.0.0.1:1/page?access_token=tok"
	_, err = Read(context.Background(), dead, testOptions())
	for _, secret := range []string{"me:", "secret", "tok"} {
		if err == nil || strings.Contains(err.Error(), secret) {
			t.Errorf("error %v shows %q", err, secret)
		}
	}
}
