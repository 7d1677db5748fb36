package main

import (
	"context"
	"fmt"
	"io"
	"time"
)

// stages times the steps of a command and, when verbose, prints each
// one's duration to w ("orcgen: read page: 12ms").
type stages struct {
	w       io.Writer
	verbose bool
	// ctx, when set, is checked before each stage: a cancelled run (SIGINT,
	// SIGTERM) starts no further stage.
	ctx context.Context
}

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
	err := f()
	if s.verbose {
		fmt.Fprintf(s.w, "orcgen: %s: %v\n", name, time.Since(start).Round(time.Microsecond))
	}
	return err
}
