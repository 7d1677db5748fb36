package source

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
)

// redirectError is a redirect the policy refused; the attempt fails with
// Kind Redirects and is not retried.
type redirectError struct {
	err error
}

// Error returns the reason the redirect was refused.
func (e *redirectError) Error() string { return e.err.Error() }

// Unwrap returns the reason the redirect was refused.
func (e *redirectError) Unwrap() error { return e.err }

// redirectPolicy returns an http.Client CheckRedirect function that refuses
// loops, more than max redirects, and targets allow refuses.
func redirectPolicy(max int, allow func(from, to *url.URL) error) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		for _, prev := range via {
			if prev.URL.String() == req.URL.String() {
				return &redirectError{fmt.Errorf("redirect loop back to %q", req.URL.Redacted())}
			}
		}
		if len(via) > max {
			if max == 0 {
				return &redirectError{fmt.Errorf("redirect to %q not followed: redirects are disabled", req.URL.Redacted())}
			}
			return &redirectError{fmt.Errorf("stopped after %d redirects", max)}
		}
		from := via[len(via)-1].URL
		if err := allow(from, req.URL); err != nil {
			return &redirectError{fmt.Errorf("redirect to %q refused: %w", req.URL.Redacted(), err)}
		}
		return nil
	}
}

// asRedirectError returns the redirectError in err's chain, or nil.
func asRedirectError(err error) *redirectError {
	var re *redirectError
	if errors.As(err, &re) {
		return re
	}
	return nil
}
