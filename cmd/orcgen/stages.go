package main

import (
	"fmt"
	"io"
	"time"
)

// stages times the steps of a command and, when verbose, prints each
// one's duration to w ("orcgen: read page: 12ms").
type stages struct {
	w       io.Writer
	verbose bool
}

// do runs f as the stage name.
func (s stages) do(name string, f func() error) error {
	start := time.Now()
	err := f()
	if s.verbose {
		fmt.Fprintf(s.w, "orcgen: %s: %v\n", name, time.Since(start).Round(time.Microsecond))
	}
	return err
}
