package source

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestBackoffDelay(t *testing.T) {
	tests := []struct {
		retry     int
		base, max time.Duration
		want      time.Duration
	}{
		{1, 500 * time.Millisecond, 30 * time.Second, 500 * time.Millisecond},
		{2, 500 * time.Millisecond, 30 * time.Second, time.Second},
		{3, 500 * time.Millisecond, 30 * time.Second, 2 * time.Second},
		{10, 500 * time.Millisecond, 30 * time.Second, 30 * time.Second},
		{1000, 500 * time.Millisecond, 30 * time.Second, 30 * time.Second},
		{1, time.Second, 10 * time.Millisecond, 10 * time.Millisecond},
	}
	for _, tt := range tests {
		if got := backoffDelay(tt.retry, tt.base, tt.max); got != tt.want {
			t.Errorf("backoffDelay(%d, %s, %s) = %s, want %s", tt.retry, tt.base, tt.max, got, tt.want)
		}
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 11, 3, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		value string
		want  time.Duration
	}{
		{"", 0},
		{"0", 0},
		{"-5", 0},
		{"7", 7 * time.Second},
		{" 2 ", 2 * time.Second},
		{"99999999999", 24 * time.Hour},
		{"Tue, 03 Nov 2026 10:00:30 GMT", 30 * time.Second},
		{"Tue, 03 Nov 2026 09:59:00 GMT", 0},
		{"soon", 0},
	}
	for _, tt := range tests {
		if got := retryAfter(tt.value, now); got != tt.want {
			t.Errorf("retryAfter(%q) = %s, want %s", tt.value, got, tt.want)
		}
	}
}

func TestSleepCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	start := time.Now()
	err := sleep(ctx, time.Hour)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("sleep on a canceled context = %v, want context.Canceled", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("sleep on a canceled context took %s", d)
	}
}

func TestSleepElapses(t *testing.T) {
	if err := sleep(context.Background(), time.Millisecond); err != nil {
		t.Errorf("sleep(1ms) = %v, want nil", err)
	}
}
