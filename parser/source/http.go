package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"time"
)

// conditions are the validators of a previous snapshot, sent as
// If-None-Match and If-Modified-Since; zero means an unconditional request.
type conditions struct {
	etag, lastModified string
}

// set reports whether any validator is present.
func (c conditions) set() bool { return c.etag != "" || c.lastModified != "" }

// failure is one failed attempt: what to report, and whether and when to
// try again.
type failure struct {
	kind   Kind
	status int
	err    error
	retry  bool
	wait   time.Duration // asked for by Retry-After; 0 if none
}

// httpReader reads one http(s) URL with retries.
type httpReader struct {
	src    string
	cond   conditions
	opts   Options
	caller context.Context // the caller's context, without the deadline
}

// readHTTP GETs src, retrying as opts say, and returns the body with the
// final status: 200, or 304 (with no Data) when cond is set and the server
// answered Not Modified. Every attempt and wait falls within
// opts.Deadline.
func readHTTP(ctx context.Context, src string, cond conditions, opts Options) (*Input, int, error) {
	r := &httpReader{src: src, cond: cond, opts: opts, caller: ctx}
	ctx, cancel := context.WithTimeout(ctx, opts.Deadline)
	defer cancel()
	deadline, _ := ctx.Deadline()
	for attempt := 1; ; attempt++ {
		in, status, f := r.attempt(ctx)
		if f == nil {
			return in, status, nil
		}
		if !f.retry || attempt > r.opts.Retries {
			return nil, 0, r.error(f, attempt)
		}
		wait := max(backoffDelay(attempt, r.opts.Backoff, r.opts.MaxRetryWait), min(f.wait, r.opts.MaxRetryWait))
		if ctx.Err() != nil {
			return nil, 0, r.error(r.contextFailure(ctx), attempt)
		}
		if time.Until(deadline) <= wait {
			f.err = fmt.Errorf("%w; no time left for another attempt within the %s deadline", f.err, r.opts.Deadline)
			return nil, 0, r.error(f, attempt)
		}
		if err := sleep(ctx, wait); err != nil {
			return nil, 0, r.error(r.contextFailure(ctx), attempt)
		}
	}
}

// contextFailure is the failure of a read whose context ctx (the caller's
// with the deadline) is done: Canceled when the caller's is, Unreachable
// when the deadline passed.
func (r *httpReader) contextFailure(ctx context.Context) *failure {
	if err := r.caller.Err(); err != nil {
		return &failure{kind: Canceled, err: err}
	}
	return &failure{kind: Unreachable,
		err: fmt.Errorf("no complete response within the %s deadline: %w", r.opts.Deadline, ctx.Err())}
}

// error turns the last failure into an *Error.
func (r *httpReader) error(f *failure, attempts int) *Error {
	return &Error{Source: displaySource(r.src), Kind: f.kind, Status: f.status, Attempts: attempts, Err: f.err}
}

// attempt makes one request bounded by opts.Timeout and reads its body.
func (r *httpReader) attempt(ctx context.Context) (*Input, int, *failure) {
	actx, cancel := context.WithTimeout(ctx, r.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(actx, http.MethodGet, r.src, nil)
	if err != nil {
		return nil, 0, &failure{kind: BadSource, err: unwrapURLError(err)}
	}
	req.Header.Set("User-Agent", r.opts.UserAgent)
	if r.cond.etag != "" {
		req.Header.Set("If-None-Match", r.cond.etag)
	}
	if r.cond.lastModified != "" {
		req.Header.Set("If-Modified-Since", r.cond.lastModified)
	}
	resp, err := r.opts.Client.Do(req)
	if err != nil {
		return nil, 0, r.transportFailure(ctx, err, false)
	}
	defer resp.Body.Close()
	if f := r.checkStatus(resp); f != nil {
		return nil, 0, f
	}
	in := &Input{
		URI:          r.src,
		ContentType:  resp.Header.Get("Content-Type"),
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
	}
	if resp.StatusCode == http.StatusNotModified {
		return in, resp.StatusCode, nil
	}
	if f := r.readBody(ctx, resp, in); f != nil {
		return nil, 0, f
	}
	return in, resp.StatusCode, nil
}

// checkStatus returns the failure a response's status means, or nil for
// 200 and for 304 answering a conditional request.
func (r *httpReader) checkStatus(resp *http.Response) *failure {
	code := resp.StatusCode
	switch {
	case code == http.StatusOK:
		return nil
	case code == http.StatusNotModified && r.cond.set():
		return nil
	case code == http.StatusNotFound || code == http.StatusGone:
		return &failure{kind: NotFound, status: code, err: statusError(resp)}
	case code == http.StatusTooManyRequests || code == http.StatusServiceUnavailable:
		wait := retryAfter(resp.Header.Get("Retry-After"), r.opts.Now())
		return &failure{kind: HTTPStatus, status: code, err: statusError(resp), retry: true, wait: wait}
	case code == http.StatusRequestTimeout || code >= 500:
		return &failure{kind: HTTPStatus, status: code, err: statusError(resp), retry: true}
	default:
		return &failure{kind: HTTPStatus, status: code, err: statusError(resp)}
	}
}

// statusError describes an unexpected status, e.g. "HTTP 404 Not Found".
func statusError(resp *http.Response) error {
	return fmt.Errorf("HTTP %d %s", resp.StatusCode, http.StatusText(resp.StatusCode))
}

// readBody checks the content type and size of a 200 response and reads
// its body into in.Data.
func (r *httpReader) readBody(ctx context.Context, resp *http.Response, in *Input) *failure {
	if r.opts.Accept != nil && !r.opts.Accept(in.ContentType) {
		return &failure{kind: BadContent, status: resp.StatusCode,
			err: fmt.Errorf("content type %q not accepted", in.ContentType)}
	}
	if resp.ContentLength > r.opts.MaxBytes {
		return &failure{kind: TooLarge, status: resp.StatusCode,
			err: fmt.Errorf("body of %d bytes exceeds the %d-byte limit", resp.ContentLength, r.opts.MaxBytes)}
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, r.opts.MaxBytes+1))
	if err != nil {
		f := r.transportFailure(ctx, err, true)
		f.status = resp.StatusCode
		return f
	}
	if int64(len(data)) > r.opts.MaxBytes {
		return &failure{kind: TooLarge, status: resp.StatusCode,
			err: fmt.Errorf("body exceeds the %d-byte limit", r.opts.MaxBytes)}
	}
	in.Data = data
	return nil
}

// transportFailure classifies an error from sending a request or, when
// inBody, reading its body. ctx is the read's context (the caller's with
// the deadline), not the attempt's.
func (r *httpReader) transportFailure(ctx context.Context, err error, inBody bool) *failure {
	if ctx.Err() != nil {
		return r.contextFailure(ctx)
	}
	if re := asRedirectError(err); re != nil {
		return &failure{kind: Redirects, err: re}
	}
	err = unwrapURLError(err)
	var netErr net.Error
	if errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &netErr) && netErr.Timeout()) {
		return &failure{kind: Unreachable, retry: true,
			err: fmt.Errorf("no complete response within %s: %w", r.opts.Timeout, err)}
	}
	if inBody && errors.Is(err, io.ErrUnexpectedEOF) {
		return &failure{kind: BadContent, retry: true, err: fmt.Errorf("truncated body: %w", err)}
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) && dnsErr.IsNotFound {
		return &failure{kind: Unreachable, err: err}
	}
	return &failure{kind: Unreachable, retry: true, err: err}
}

// unwrapURLError returns the cause inside a *url.Error, whose own message
// repeats the method and URL, or err itself.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
