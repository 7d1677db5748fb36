package main

import (
	"context"
	"fmt"
	"io"
	"sync"
	"time"
)

// stages times the steps of a command and, when verbose, prints each
// one's duration to w ("orcgen: read page: 12ms").
type stages struct {
	w       io.Writer
	verbose bool
	// ctx, when set, stops the run when it is cancelled (SIGINT, SIGTERM):
	// no further stage starts, and a stage under way is abandoned, except
	// a write, which stops by itself before it commits.
	ctx context.Context
}

// writeStage is the one stage that changes files; it is never abandoned.
const writeStage = "write"

// stageOutput serialises the stage lines: the page and the spec are read
// at once.
var stageOutput sync.Mutex

// stageStarted, when set (by tests), is called as each stage starts.
var stageStarted func(name string)

// do runs f as the stage name, unless the run was cancelled.
func (s stages) do(name string, f func() error) error {
	if s.ctx != nil && s.ctx.Err() != nil {
		return fmt.Errorf("interrupted before %s; nothing written: %w", name, context.Cause(s.ctx))
	}
	if stageStarted != nil {
		stageStarted(name)
	}
	start := time.Now()
	err := s.run(name, f)
	if s.verbose {
		stageOutput.Lock()
		fmt.Fprintf(s.w, "orcgen: %s: %v\n", name, time.Since(start).Round(time.Microsecond))
		stageOutput.Unlock()
	}
	return err
}

// run runs f; when the run is cancelled first, it returns at once and
// leaves f to finish unobserved: stages before the write only compute, so
// the process can exit with nothing written.
func (s stages) run(name string, f func() error) error {
	if s.ctx == nil || name == writeStage {
		return f()
	}
	done := make(chan error, 1)
	go func() { done <- f() }()
	select {
	case err := <-done:
		return err
	case <-s.ctx.Done():
		return fmt.Errorf("interrupted during %s; nothing written: %w", name, context.Cause(s.ctx))
	}
}
