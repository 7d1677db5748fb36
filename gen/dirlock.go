package gen

import (
	"context"
	"fmt"
	"os"
	"time"
)

// LockDir takes the exclusive lock (flock) of the output directory dir
// itself, creating dir when missing, so that one orcgen run at a time reads
// the lock file, generates and commits there; no file is added to dir. When another run holds it, busy is called
// once and LockDir waits until the lock is free or ctx is done. The
// returned function releases the lock.
func LockDir(ctx context.Context, dir string, busy func()) (unlock func(), err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("lock %s: %w", dir, err)
	}
	name := dir
	f, err := os.Open(dir)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", dir, err)
	}
	told := false
	for {
		ok, err := tryLock(f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("lock %s: %w", name, err)
		}
		if ok {
			return func() { releaseLock(f); f.Close() }, nil
		}
		if !told && busy != nil {
			busy()
			told = true
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, fmt.Errorf("waiting for another orcgen run on %s: %w", dir, context.Cause(ctx))
		case <-time.After(50 * time.Millisecond):
		}
	}
}
