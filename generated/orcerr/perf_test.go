package orcerr

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http/httptest"
	"testing"
)

// The Lookup, Message and String benchmarks are in orcerr_test.go.

// BenchmarkErrorsIs matches a wrapped *Error against a Code, as a caller of
// an Orchestrator client does.
func BenchmarkErrorsIs(b *testing.B) {
	err := fmt.Errorf("get robot: %w", &Error{ErrorCode: ItemNotFound, Message: "Robot does not exist.", HTTPStatus: 404})
	b.ReportAllocs()
	for b.Loop() {
		if !errors.Is(err, ItemNotFound) {
			b.Fatal("errors.Is = false")
		}
	}
}

// BenchmarkFromResponse decodes a real-shaped 404 error body. The response
// is recorded once with httptest.ResponseRecorder; each iteration rewinds
// its body (no allocation), so only FromResponse is timed.
func BenchmarkFromResponse(b *testing.B) {
	body := []byte(`{"message":"Robot does not exist.","errorCode":1002,"traceId":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"}`)
	rec := httptest.NewRecorder()
	rec.Header().Set("Content-Type", "application/json")
	rec.WriteHeader(404)
	rec.Write(body)
	resp := rec.Result()
	r := bytes.NewReader(body)
	resp.Body = io.NopCloser(r)
	b.ReportAllocs()
	for b.Loop() {
		r.Reset(body)
		var e *Error
		if err := FromResponse(resp); !errors.As(err, &e) || e.ErrorCode != ItemNotFound || e.HTTPStatus != 404 || e.TraceID == "" {
			b.Fatalf("FromResponse = %v", err)
		}
	}
}
