package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

// Exit codes.
const (
	exitOK    = 0 // done; check: up to date
	exitDrift = 1 // check: generated files are out of date
	exitFail  = 2 // could not do the job: usage, bad input or config, unreachable source
)

// errDrift is returned by check when files are out of date; it has already
// been reported.
var errDrift = errors.New("generated files are out of date")

// command is one subcommand.
type command struct {
	name     string
	synopsis string
	run      func(ctx context.Context, a *app, args []string) error
}

func commands() []command {
	return []command{
		{"generate", "write every artifact for the configured inputs", runGenerate},
		{"check", "compare the generated files with fresh output (CI drift check)", runCheck},
		{"diff", "list the catalog changes between two versions (release notes)", runDiff},
		{"fetch", "save snapshots of the page and the spec with metadata", runFetch},
		{"model", "print the (joined) model as JSON", runModel},
		{"snapshot", "write the spec snapshot orcgen embeds", runSnapshot},
		{"patch", "write a spec with the error schemas patched in", runPatch},
		{"release", "write a reproducible release bundle, its notes and SHA256SUMS", runRelease},
		{"explain", "show the evidence behind a code's name", runExplain},
	}
}

// app holds what every command writes to.
type app struct {
	// stdout and stderr are the command's output, guarded on a GitHub
	// Actions runner so that no text orcgen quotes becomes a workflow
	// command.
	stdout, stderr io.Writer
	// rawStdout is stdout unguarded, for the workflow commands of check
	// -format github.
	rawStdout io.Writer
}

// flush writes out what a guarded writer still holds.
func (a *app) flush() {
	for _, w := range []io.Writer{a.stdout, a.stderr} {
		if g, ok := w.(*commandGuard); ok {
			g.Flush()
		}
	}
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run runs the orcgen command line args and returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	a := &app{stdout: guard(stdout), stderr: guard(stderr), rawStdout: stdout}
	defer a.flush()
	if len(args) == 0 {
		a.usage()
		return exitFail
	}
	name := args[0]
	if name == "help" || name == "-h" || name == "-help" || name == "--help" {
		a.usage()
		return exitOK
	}
	for _, c := range commands() {
		if c.name == name {
			return a.exitCode(c.run(ctx, a, args[1:]))
		}
	}
	fmt.Fprintf(a.stderr, "orcgen: unknown command %q\n", name)
	a.usage()
	return exitFail
}

// exitCode reports err and maps it to an exit code.
func (a *app) exitCode(err error) int {
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.Is(err, errDrift):
		return exitDrift
	case errors.Is(err, errUsage):
		return exitFail
	}
	for _, line := range strings.Split(err.Error(), "\n") {
		fmt.Fprintf(a.stderr, "orcgen: %s\n", line)
	}
	return exitFail
}

func (a *app) usage() {
	fmt.Fprint(a.stderr, "usage: orcgen <command> [flags]\n\ncommands:\n")
	for _, c := range commands() {
		fmt.Fprintf(a.stderr, "  %-9s %s\n", c.name, c.synopsis)
	}
	fmt.Fprint(a.stderr, "\nRun \"orcgen <command> -h\" for a command's flags.\n")
}

// errUsage is returned when the flags were wrong; the flag set has already
// printed the problem and the usage.
var errUsage = errors.New("usage")

// newFlags returns a flag set for a command whose usage prints synopsis
// and the flags.
func (a *app) newFlags(name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet("orcgen "+name, flag.ContinueOnError)
	fs.SetOutput(a.stderr)
	fs.Usage = func() {
		fmt.Fprintf(a.stderr, "usage: %s\n\nflags:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses args and refuses positional arguments beyond want.
func parse(fs *flag.FlagSet, args []string, want int) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	if want >= 0 && fs.NArg() != want {
		if fs.NArg() > want {
			fmt.Fprintf(fs.Output(), "%s: unexpected argument %q\n", fs.Name(), fs.Arg(want))
		} else {
			fmt.Fprintf(fs.Output(), "%s: want %d arguments, got %d\n", fs.Name(), want, fs.NArg())
		}
		fs.Usage()
		return errUsage
	}
	return nil
}
