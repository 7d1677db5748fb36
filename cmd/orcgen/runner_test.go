package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestDefuse(t *testing.T) {
	for in, want := range map[string]string{
		"::add-mask::x\n":         ":\u2060:add-mask::x\n",
		"  ::warning ::x\n":       "  :\u2060:warning ::x\n",
		"orcgen: ##[error]x\n":    "orcgen: #\u2060#[error]x\n",
		"orcgen: row 3: a::b\r\n": "orcgen: row 3: a::b\r\n",
	} {
		if got := string(defuse([]byte(in))); got != want {
			t.Errorf("defuse(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestGuardOnRunner runs the text-format check and generate -v on a page
// whose cells hold workflow commands, as a GitHub Actions step would: the
// runner, reading stdout and stderr, finds no command in either. Without
// the runner's variable the output is unchanged.
func TestGuardOnRunner(t *testing.T) {
	out, newPage := hostileDrift(t)
	var stdout, stderr bytes.Buffer
	check := func() string {
		stdout.Reset()
		stderr.Reset()
		if code := run([]string{"check", "-v", "-page", newPage, "-out", out}, &stdout, &stderr); code != 1 {
			t.Fatalf("check: exit %d, want 1\n%s", code, stderr.String())
		}
		return stdout.String() + stderr.String()
	}
	t.Setenv("GITHUB_ACTIONS", "")
	raw := check()
	if cmds, _ := runnerRead(raw); len(cmds) == 0 {
		t.Fatalf("the runner reads no command in the unguarded output; the test would be vacuous:\n%s", raw)
	}
	t.Setenv("GITHUB_ACTIONS", "true")
	guarded := check()
	if cmds, _ := runnerRead(guarded); len(cmds) != 0 {
		t.Errorf("the runner reads %d commands in check's text output, first %+v", len(cmds), cmds[0])
	}
	if !strings.Contains(guarded, "#\u2060#[error]After.") {
		t.Error("the guarded output lost the page's text")
	}
}
