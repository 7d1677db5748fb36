package source

import (
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"time"
)

// Defaults applied by Options.setDefaults to zero-valued fields.
const (
	DefaultTimeout      = 30 * time.Second
	DefaultDeadline     = 60 * time.Second
	DefaultMaxBytes     = 32 << 20
	DefaultUserAgent    = "orcgen (+https://github.com/orcgen/orcgen)"
	DefaultRetries      = 3
	DefaultBackoff      = 500 * time.Millisecond
	DefaultMaxRetryWait = 30 * time.Second
	DefaultMaxRedirects = 5
)

// Options configure HTTP access; files only use MaxBytes. Zero values get
// the defaults above.
type Options struct {
	// Client sends the requests; nil means a client on
	// http.DefaultTransport. Its CheckRedirect is always replaced by the
	// redirect policy built from MaxRedirects and AllowRedirect, and its
	// Timeout is left as is (Timeout below applies per attempt).
	Client *http.Client
	// Timeout bounds one attempt: connecting, the response headers and
	// reading the whole body. A stalled body counts as a timeout.
	Timeout time.Duration
	// Deadline bounds a whole read of a URL, every attempt and every wait
	// between attempts included: no attempt starts, and no wait is begun,
	// that the deadline would cut short, and a read still running when it
	// passes fails as Unreachable.
	Deadline time.Duration
	// MaxBytes is the largest body (or file) accepted; a larger one is
	// refused with TooLarge, never silently truncated.
	MaxBytes int64
	// UserAgent is sent as the User-Agent header.
	UserAgent string
	// Retries is how many times a failed attempt is repeated after
	// timeouts, connection errors, truncated bodies, 5xx and 429 answers.
	// Negative means no retries.
	Retries int
	// Backoff is the wait before the first retry; it doubles for each
	// further retry.
	Backoff time.Duration
	// MaxRetryWait caps one wait between attempts, including a wait asked
	// for by a Retry-After header on 429 or 503.
	MaxRetryWait time.Duration
	// MaxRedirects is how many redirects one attempt follows. Negative
	// means none are followed.
	MaxRedirects int
	// AllowRedirect decides whether a redirect from one URL to the next may
	// be followed; nil means AllowHTTP.
	AllowRedirect func(from, to *url.URL) error
	// Accept decides whether a response's Content-Type header (possibly
	// empty) is acceptable; nil accepts any. See AcceptPage and AcceptSpec.
	Accept func(contentType string) bool
	// Now returns the current time, written into snapshot metadata; nil
	// means time.Now.
	Now func() time.Time
}

// setDefaults fills the zero-valued fields of o with the defaults.
func (o *Options) setDefaults() {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.Deadline <= 0 {
		o.Deadline = DefaultDeadline
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	switch {
	case o.Retries == 0:
		o.Retries = DefaultRetries
	case o.Retries < 0:
		o.Retries = 0
	}
	if o.Backoff <= 0 {
		o.Backoff = DefaultBackoff
	}
	if o.MaxRetryWait <= 0 {
		o.MaxRetryWait = DefaultMaxRetryWait
	}
	switch {
	case o.MaxRedirects == 0:
		o.MaxRedirects = DefaultMaxRedirects
	case o.MaxRedirects < 0:
		o.MaxRedirects = 0
	}
	if o.AllowRedirect == nil {
		o.AllowRedirect = AllowHTTP
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	o.Client = o.client()
}

// client returns a copy of o.Client (or a new client) whose CheckRedirect
// enforces o's redirect policy.
func (o *Options) client() *http.Client {
	var c http.Client
	if o.Client != nil {
		c = *o.Client
	}
	c.CheckRedirect = redirectPolicy(o.MaxRedirects, o.AllowRedirect)
	return &c
}

// AllowHTTP is the default redirect allow-list: it accepts targets with the
// http or https scheme, except a downgrade from https to http.
func AllowHTTP(from, to *url.URL) error {
	if to.Scheme != "http" && to.Scheme != "https" {
		return fmt.Errorf("scheme %q is not http or https", to.Scheme)
	}
	if from.Scheme == "https" && to.Scheme == "http" {
		return fmt.Errorf("downgrade from https to http")
	}
	return nil
}

// AcceptPage accepts the content types of a documentation page: HTML,
// XHTML, Markdown and plain text, and a missing Content-Type.
func AcceptPage(contentType string) bool {
	return acceptMediaTypes(contentType,
		"text/html", "application/xhtml+xml", "text/markdown", "text/x-markdown", "text/plain")
}

// AcceptSpec accepts the content types an OpenAPI or Swagger document is
// served with: JSON, YAML, plain text and octet-stream (raw file hosts), and
// a missing Content-Type.
func AcceptSpec(contentType string) bool {
	return acceptMediaTypes(contentType,
		"application/json", "application/yaml", "application/x-yaml", "text/yaml",
		"text/x-yaml", "application/openapi+json", "application/openapi+yaml",
		"application/vnd.oai.openapi", "application/vnd.oai.openapi+json",
		"text/plain", "application/octet-stream")
}

// acceptMediaTypes reports whether contentType is empty or its media type
// (parameters ignored, case-insensitive) is one of allowed.
func acceptMediaTypes(contentType string, allowed ...string) bool {
	if contentType == "" {
		return true
	}
	mediaType, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return false
	}
	for _, a := range allowed {
		if mediaType == a {
			return true
		}
	}
	return false
}
