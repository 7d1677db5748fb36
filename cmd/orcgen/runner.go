package main

import (
	"bytes"
	"io"
	"os"
	"sync"
)

// onActionsRunner reports whether orcgen runs in a GitHub Actions job, whose
// runner reads workflow commands ("::add-mask::…", "##[error]…") in
// everything a step prints.
func onActionsRunner() bool { return os.Getenv("GITHUB_ACTIONS") == "true" }

// commandGuard is a writer for a GitHub Actions runner: in every line it
// passes on, a workflow command is made inert by a zero-width joiner
// (U+2060) after its first character, so that page and spec text in
// messages, diagnostics and diffs stays text. check -format github writes
// its own commands to the unguarded stdout.
type commandGuard struct {
	w       io.Writer
	mu      sync.Mutex
	lineBuf []byte
}

// guard returns w guarded when orcgen runs on an Actions runner, w itself
// otherwise.
func guard(w io.Writer) io.Writer {
	if !onActionsRunner() {
		return w
	}
	return &commandGuard{w: w}
}

// wordJoiner is U+2060, invisible in logs.
var wordJoiner = []byte("\u2060")

// Write buffers up to a line end and writes whole lines, defused.
func (g *commandGuard) Write(p []byte) (int, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.lineBuf = append(g.lineBuf, p...)
	for {
		i := bytes.IndexAny(g.lineBuf, "\r\n")
		if i < 0 {
			break
		}
		line := defuse(g.lineBuf[:i+1])
		if _, err := g.w.Write(line); err != nil {
			return 0, err
		}
		g.lineBuf = g.lineBuf[i+1:]
	}
	return len(p), nil
}

// Flush writes a last line without a line end.
func (g *commandGuard) Flush() error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if len(g.lineBuf) == 0 {
		return nil
	}
	_, err := g.w.Write(defuse(g.lineBuf))
	g.lineBuf = nil
	return err
}

// defuse breaks "::" at the start of line (after white space) and every
// "##[" in it.
func defuse(line []byte) []byte {
	out := bytes.ReplaceAll(line, []byte("##["), append(append([]byte("#"), wordJoiner...), []byte("#[")...))
	trimmed := bytes.TrimLeft(out, " \t")
	if bytes.HasPrefix(trimmed, []byte("::")) {
		lead := len(out) - len(trimmed)
		out = append(append(append(append([]byte{}, out[:lead]...), ':'), wordJoiner...), trimmed[1:]...)
	}
	return out
}
