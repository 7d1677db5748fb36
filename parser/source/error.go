package source

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// Kind tells what went wrong reading a source, in terms the user can act on.
type Kind int

// Kinds of Error. The zero Kind is not used.
const (
	// NotFound: the file does not exist, or the server answered 404 or 410.
	NotFound Kind = iota + 1
	// Unreachable: DNS failure, connection refused or reset, or no complete
	// response within Options.Timeout, on every attempt.
	Unreachable
	// HTTPStatus: any other unexpected HTTP status (4xx, or 5xx and 429
	// after the retries ran out).
	HTTPStatus
	// TooLarge: the body exceeds Options.MaxBytes.
	TooLarge
	// BadContent: the content type was not accepted, the body was
	// truncated, or the validator given to Fetch refused the body.
	BadContent
	// Redirects: a redirect loop, more than Options.MaxRedirects
	// redirects, or a redirect the allow-list refused.
	Redirects
	// BadSource: the source is neither a file path nor an http(s) URL
	// (empty, malformed, or another scheme such as file:// or ftp://).
	BadSource
	// Unreadable: the path exists but cannot be read as a file (a
	// directory, permission denied, an I/O error).
	Unreadable
	// Canceled: the caller's context was canceled or its deadline passed.
	Canceled
)

// kindNames holds the String form of each Kind, indexed by Kind.
var kindNames = [...]string{
	NotFound:    "not found",
	Unreachable: "unreachable",
	HTTPStatus:  "HTTP status",
	TooLarge:    "too large",
	BadContent:  "bad content",
	Redirects:   "redirects",
	BadSource:   "bad source",
	Unreadable:  "unreadable",
	Canceled:    "canceled",
}

// String returns the Kind's name, e.g. "not found".
func (k Kind) String() string {
	if k > 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Error is a failure to read a source. Its message names the source, e.g.
//
//	read "https://example.com/page": HTTP 503 Service Unavailable (after 4 attempts)
type Error struct {
	// Source is the file path or URL as given, a URL without its user
	// information and query (Redact).
	Source string
	// Kind classifies the failure.
	Kind Kind
	// Status is the last HTTP status received, 0 if none.
	Status int
	// Attempts is the number of HTTP requests made, 0 for files.
	Attempts int
	// Err is the underlying cause.
	Err error
}

// Error returns `read "<source>": <cause>`, plus the attempt count when more
// than one request was made.
func (e *Error) Error() string {
	cause := e.Err
	var ue *url.Error
	if errors.As(cause, &ue) {
		cause = ue.Err // its message repeats the URL with user and query
	}
	msg := fmt.Sprintf("read %q: %v", e.Source, cause)
	if e.Attempts > 1 {
		msg += fmt.Sprintf(" (after %d attempts)", e.Attempts)
	}
	return msg
}

// Unwrap returns the underlying cause.
func (e *Error) Unwrap() error { return e.Err }

// displaySource returns src fit for messages and metadata: a URL loses its
// user information and query (Redact); anything else is returned as is.
func displaySource(src string) string { return Redact(src) }

// Redact returns uri fit to print or store: a URL loses its user
// information (user name and password) and its query string, which may
// carry tokens or signatures ("https://user:pw@host/p?sig=x#f" becomes
// "https://host/p#f"). A file path, or anything that does not parse as a
// URL with a scheme, is returned as is.
func Redact(uri string) string {
	if !strings.Contains(uri, "://") {
		return uri
	}
	u, err := url.Parse(uri)
	if err != nil || u.Scheme == "" {
		return uri
	}
	u.User = nil
	u.RawQuery = ""
	u.ForceQuery = false
	return u.String()
}
