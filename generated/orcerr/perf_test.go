package orcerr

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http/httptest"
	"strconv"
	"strings"
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

// BenchmarkByName looks up names: an identifier, a spec name tied to a code,
// and a name nobody knows.
func BenchmarkByName(b *testing.B) {
	for _, name := range []string{"ItemNotFound", "PackageNotFound", "NoSuchName"} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_, _ = ByName(name)
			}
		})
	}
}

// openers is n bytes of '[' followed by one ']': the message on which a
// placeholder scanner that restarts after each opener does quadratic work.
func openers(n int) string {
	return strings.Repeat("[", n) + "]"
}

// BenchmarkFill and BenchmarkFormat run on 128 KiB and 512 KiB of openers;
// linear scanners take about 4 times as long on the second.
func BenchmarkFill(b *testing.B) {
	for _, kib := range []int{128, 512} {
		msg := openers(kib << 10)
		b.Run(strconv.Itoa(kib)+"KiB", func(b *testing.B) {
			b.SetBytes(int64(len(msg)))
			for b.Loop() {
				_ = Fill(msg, map[string]string{"x": "y"})
			}
		})
	}
}

func BenchmarkFormat(b *testing.B) {
	for _, kib := range []int{128, 512} {
		msg := openers(kib << 10)
		b.Run(strconv.Itoa(kib)+"KiB", func(b *testing.B) {
			b.SetBytes(int64(len(msg)))
			for b.Loop() {
				_ = Format(msg, "y")
			}
		})
	}
}
