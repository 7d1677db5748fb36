package source

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// backoffDelay returns the wait before retry number retry (1-based):
// base doubled for each retry after the first, capped at max.
func backoffDelay(retry int, base, max time.Duration) time.Duration {
	d := base
	for i := 1; i < retry && d < max; i++ {
		d *= 2
	}
	return min(d, max)
}

// retryAfter parses a Retry-After header value, either delay-seconds or an
// HTTP date (relative to now). It returns 0 for an empty, invalid or past
// value.
func retryAfter(value string, now time.Time) time.Duration {
	value = strings.TrimSpace(value)
	if value == "" {
		return 0
	}
	if secs, err := strconv.ParseInt(value, 10, 64); err == nil {
		if secs <= 0 {
			return 0
		}
		if secs > int64(24*time.Hour/time.Second) {
			return 24 * time.Hour
		}
		return time.Duration(secs) * time.Second
	}
	if t, err := http.ParseTime(value); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// sleep waits for d or until ctx is done, whichever comes first, and
// returns ctx's error in the latter case.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
