package main

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/orcgen/orcgen/gen"
	"github.com/orcgen/orcgen/gen/changes"
	"github.com/orcgen/orcgen/internal/testenv"
)

// runnerCommand is a workflow command as the GitHub Actions runner reads it.
type runnerCommand struct {
	line  int // 1-based line of the output
	name  string
	props map[string]string
	data  string
}

// runnerRead reads out the way the Actions runner reads a step's stdout:
// line by line (a line ends at "\n", "\r\n" or "\r"), a line whose text
// after leading white space starts with "::name ...::" is a command, and so
// is "##[name ...]" anywhere in a line. After "::stop-commands::TOKEN"
// nothing is a command until a line that is the command TOKEN (either
// form, any case). It is stricter than the runner, which only obeys the
// names it knows: here every name counts. It returns the commands obeyed,
// stop-commands and resume lines included, and whether the output ends
// with commands still stopped.
func runnerRead(out string) (cmds []runnerCommand, stopped bool) {
	out = strings.ReplaceAll(out, "\r\n", "\n")
	out = strings.ReplaceAll(out, "\r", "\n")
	token := ""
	for i, line := range strings.Split(out, "\n") {
		c, ok := parseV2(line)
		legacy, lok := parseLegacy(line)
		if token != "" {
			if ok && strings.EqualFold(c.name, token) || lok && strings.EqualFold(legacy.name, token) {
				cmds = append(cmds, runnerCommand{line: i + 1, name: token})
				token = ""
			}
			continue
		}
		if !ok {
			c, ok = legacy, lok
		}
		if !ok {
			continue
		}
		c.line = i + 1
		cmds = append(cmds, c)
		if c.name == "stop-commands" {
			token = c.data
		}
	}
	return cmds, token != ""
}

// parseV2 reads "::name k=v,k=v::data" after leading white space.
func parseV2(line string) (runnerCommand, bool) {
	s := strings.TrimLeftFunc(line, unicode.IsSpace)
	if !strings.HasPrefix(s, "::") {
		return runnerCommand{}, false
	}
	end := strings.Index(s[2:], "::")
	if end < 0 {
		return runnerCommand{}, false
	}
	info, data := s[2:2+end], s[2+end+2:]
	name, props, _ := strings.Cut(info, " ")
	if name == "" {
		return runnerCommand{}, false
	}
	c := runnerCommand{name: name, props: map[string]string{}, data: unescapeData(data)}
	for p := range strings.SplitSeq(props, ",") {
		if k, v, ok := strings.Cut(p, "="); ok {
			c.props[k] = unescapeProperty(v)
		}
	}
	return c, true
}

// parseLegacy reads "##[name ...]data" anywhere in a line.
func parseLegacy(line string) (runnerCommand, bool) {
	i := strings.Index(line, "##[")
	if i < 0 {
		return runnerCommand{}, false
	}
	end := strings.Index(line[i:], "]")
	if end < 0 {
		return runnerCommand{}, false
	}
	name, _, _ := strings.Cut(line[i+3:i+end], " ")
	if name == "" {
		return runnerCommand{}, false
	}
	return runnerCommand{name: name, data: line[i+end+1:]}, true
}

// unescapeData and unescapeProperty undo the runner's escapes the way it
// does: one replacement after the other, "%25" last.
func unescapeData(s string) string {
	return unescapeSeq(s, "%0D", "\r", "%0A", "\n", "%25", "%")
}

func unescapeProperty(s string) string {
	return unescapeSeq(s, "%0D", "\r", "%0A", "\n", "%3A", ":", "%2C", ",", "%25", "%")
}

// unescapeSeq applies the replacements (old, new, old, new, …) in turn.
func unescapeSeq(s string, pairs ...string) string {
	for i := 0; i < len(pairs); i += 2 {
		s = strings.ReplaceAll(s, pairs[i], pairs[i+1])
	}
	return s
}

// hostileText is page text that the runner would obey if orcgen printed it
// as it is: a legacy command, annotations, a mask and a stop-commands with
// a token of its own.
var hostileText = []string{
	"##[error]forged legacy error",
	"::warning file=go.mod,line=1::forged warning",
	"::add-mask::forged-mask",
	"::stop-commands::forgedtoken",
	"::error title=forged%0Aline::after the forged stop",
}

// hostilePage returns the embedded page with code 1002's description made
// of one paragraph per hostile line, after prefix.
func hostilePage(t *testing.T, prefix string) []byte {
	t.Helper()
	page := readTestFile(t, filepath.Join(testenv.Root(), "parser", "defaults", "response-codes.html"))
	const desc = "<td><p>An error message that is thrown if you make a request to a resource that does not exist in the database."
	var b strings.Builder
	b.WriteString("<td><p>" + prefix + "</p>")
	for _, h := range hostileText {
		b.WriteString("<p>" + h + "</p>")
	}
	b.WriteString("<p>An error message that is thrown if you make a request to a resource that does not exist in the database.")
	if !bytes.Contains(page, []byte(desc)) {
		t.Fatalf("embedded page: code 1002's description not found")
	}
	return bytes.Replace(page, []byte(desc), []byte(b.String()), 1)
}

// TestGitHubHostilePage checks -format github on a page whose cells hold
// workflow commands: read the way the runner reads it, the output's only
// commands are orcgen's annotations and its own stop-commands blocks, the
// page text is all there inside the blocks, and the annotations say which
// code and field changed and where each file changed first.
// hostileDrift generates into a temporary directory from a page whose
// cells hold workflow commands, and returns that output directory and a
// changed page (a message edited into "::add-mask::…") to check it with.
func hostileDrift(t *testing.T) (out, newPage string) {
	t.Helper()
	dir := t.TempDir()
	oldPage, newPage := filepath.Join(dir, "old.html"), filepath.Join(dir, "new.html")
	writeTestFile(t, oldPage, hostilePage(t, "Before."))
	writeTestFile(t, newPage, bytes.Replace(hostilePage(t, "##[error]After."), []byte("Robot does not exist."), []byte("::add-mask::Robot is missing."), 1))
	out = filepath.Join(dir, "gen")
	var stderr bytes.Buffer
	if code := run([]string{"generate", "-page", oldPage, "-out", out}, io.Discard, &stderr); code != 0 {
		t.Fatalf("generate: exit %d\n%s", code, stderr.String())
	}
	return out, newPage
}

func TestGitHubHostilePage(t *testing.T) {
	out, newPage := hostileDrift(t)
	dir := filepath.Dir(out)
	var stdout, stderr bytes.Buffer
	summary := filepath.Join(dir, "summary.md")
	t.Setenv("GITHUB_STEP_SUMMARY", summary)
	stdout.Reset()
	stderr.Reset()
	if code := run([]string{"check", "-page", newPage, "-out", out, "-format", "github"}, &stdout, &stderr); code != 1 {
		t.Fatalf("check: exit %d, want 1\n%s", code, stderr.String())
	}
	got := stdout.String()

	// The hostile text reaches the output, and a reader that ignores
	// stop-commands would obey it: the test is not vacuous.
	naive := 0
	for line := range strings.Lines(got) {
		if c, ok := parseV2(line); ok && !strings.HasPrefix(c.props["title"], "orcgen") && c.name != "group" && c.name != "endgroup" && !strings.HasPrefix(c.name, "orcgen-") && !(c.name == "stop-commands" && strings.HasPrefix(c.data, "orcgen-")) {
			naive++
		} else if _, ok := parseLegacy(line); ok {
			naive++
		}
	}
	if naive == 0 {
		t.Fatalf("no line of the output holds a forged command; the page text did not reach it:\n%s", got)
	}

	cmds, stopped := runnerRead(got)
	if stopped {
		t.Errorf("the output ends with commands stopped")
	}
	var annotations []runnerCommand
	open := ""
	for _, c := range cmds {
		switch {
		case c.name == "error" || c.name == "warning":
			if open != "" {
				t.Errorf("line %d: annotation inside a stop-commands block", c.line)
			}
			if !strings.HasPrefix(c.props["title"], "orcgen") {
				t.Errorf("line %d: %s annotation not written by orcgen: title %q, data %q", c.line, c.name, c.props["title"], c.data)
			}
			annotations = append(annotations, c)
		case c.name == "group" && strings.HasPrefix(c.data, "orcgen "), c.name == "endgroup":
		case c.name == "stop-commands" && strings.HasPrefix(c.data, "orcgen-"):
			open = c.data
		case open != "" && c.name == open:
			open = ""
		default:
			t.Errorf("line %d: the runner obeys %q (data %q), not written by orcgen", c.line, c.name, c.data)
		}
	}
	for _, h := range hostileText {
		if !strings.Contains(got, h) {
			t.Errorf("page text %q is missing from the output", h)
		}
	}

	want := map[string]bool{
		"warning orcgen: code 1002 messages changed: 1002 messages: “Robot does not exist.” → “::add-mask::Robot is missing.”": false,
		"error orcgen: changed file: " + filepath.ToSlash(out) + "/docs/response-codes.md":                                     false,
		"error orcgen: changed file: " + filepath.ToSlash(out) + "/model.json":                                                 false,
	}
	var description bool
	for _, a := range annotations {
		key := a.name + " " + a.props["title"] + ": " + a.data
		if a.name == "error" && a.props["file"] != "" {
			key = a.name + " " + a.props["title"] + ": " + a.props["file"]
			if a.props["line"] == "" || a.props["line"] == "0" {
				t.Errorf("file annotation without its first changed line: %+v", a)
			}
			if !strings.Contains(a.data, "is changed from line "+a.props["line"]+": run orcgen generate\n- ") {
				t.Errorf("file annotation does not show the first change: %q", a.data)
			}
		}
		if _, ok := want[key]; ok {
			want[key] = true
		}
		if a.props["title"] == "orcgen: code 1002 description changed" && strings.Contains(a.data, "“Before. ##[error]forged legacy error") {
			description = true
		}
	}
	for k, seen := range want {
		if !seen {
			t.Errorf("no annotation %q", k)
		}
	}
	if !description {
		t.Errorf("no annotation for code 1002's description change")
	}
	if len(annotations) == 0 || annotations[0].props["title"] != "orcgen check" ||
		!strings.HasPrefix(annotations[0].data, filepath.ToSlash(out)+" is out of date: ") ||
		!strings.Contains(annotations[0].data, "; catalog: 2 fields changed; run orcgen generate") {
		t.Errorf("first annotation is not the summary: %+v", annotations)
	}

	md := string(readTestFile(t, summary))
	for _, s := range []string{
		"## orcgen check: `" + filepath.ToSlash(out) + "` is out of date",
		"| `" + filepath.ToSlash(out) + "/model.json` | changed | line ",
		"### Codes changed (2)",
		"- 1002 messages: “Robot does not exist.” → “::add-mask::Robot is missing.”",
	} {
		if !strings.Contains(md, s) {
			t.Errorf("job summary lacks %q:\n%s", s, md)
		}
	}
}

// TestGitHubLimits checks that the annotations stay within what the runner
// shows (10 errors and 10 warnings a step), the summary annotation counts
// what was left out, and the job summary lists everything.
func TestGitHubLimits(t *testing.T) {
	r := report{out: "gen", changes: &changes.Changes{}}
	for i := range 25 {
		p := fmt.Sprintf("docs/f%02d.md", i)
		r.drifts = append(r.drifts, gen.Drift{Path: p, Status: gen.DriftChanged,
			Diff: fmt.Sprintf("--- a/%s\n+++ b/%s\n@@ -3,4 +3,4 @@\n a\n b\n-old %d\n+new %d\n c\n", p, p, i, i)})
	}
	for i := range 30 {
		r.changes.Edited = append(r.changes.Edited, changes.Edit{Code: 1000 + i, Field: changes.FieldDescription, Old: "x", New: "y"})
	}
	summary := filepath.Join(t.TempDir(), "summary.md")
	var out bytes.Buffer
	if err := writeGitHub(&out, []report{r}, githubOptions{summary: summary}); err != nil {
		t.Fatal(err)
	}
	cmds, stopped := runnerRead(out.String())
	if stopped {
		t.Fatal("output ends with commands stopped")
	}
	n := map[string]int{}
	for _, c := range cmds {
		n[c.name]++
	}
	if n["error"] != 10 || n["warning"] != 10 {
		t.Errorf("%d errors and %d warnings, want 10 and 10", n["error"], n["warning"])
	}
	if want := "16 more files and 20 more code changes are not annotated"; !strings.Contains(cmds[0].data, want) {
		t.Errorf("summary annotation %q does not say %q", cmds[0].data, want)
	}
	if c := cmds[1]; c.props["file"] != "gen/docs/f00.md" || c.props["line"] != "5" || c.data != "gen/docs/f00.md is changed from line 5: run orcgen generate\n- old 0\n+ new 0" {
		t.Errorf("first file annotation: %+v", c)
	}
	md := string(readTestFile(t, summary))
	for i := range 25 {
		if want := fmt.Sprintf("| `gen/docs/f%02d.md` | changed | line 5 |", i); !strings.Contains(md, want) {
			t.Errorf("job summary lacks %q", want)
		}
	}
	for i := range 30 {
		if want := fmt.Sprintf("- %d description: “x” → “y”", 1000+i); !strings.Contains(md, want) {
			t.Errorf("job summary lacks %q", want)
		}
	}
}

// TestGitHubUpToDate checks that a clean check prints nothing and says so
// in the job summary.
func TestGitHubUpToDate(t *testing.T) {
	summary := filepath.Join(t.TempDir(), "summary.md")
	var out bytes.Buffer
	if err := writeGitHub(&out, []report{{out: "generated"}}, githubOptions{summary: summary}); err != nil {
		t.Fatal(err)
	}
	if out.Len() != 0 {
		t.Errorf("stdout: %q, want nothing", out.String())
	}
	if md := string(readTestFile(t, summary)); md != "## orcgen check: `generated` is up to date\n\n" {
		t.Errorf("job summary: %q", md)
	}
}

// TestGitHubEscape checks that annotation values read back unchanged
// through the runner's unescaping, and that a value cannot end the command
// or start a new line.
func TestGitHubEscape(t *testing.T) {
	for _, s := range []string{
		"plain", "100%", "%0A", "%250D", "a\nb", "a\r\nb\rc", "key:value,other", "::add-mask::x", "%%0A%25\n:", "##[error]x",
	} {
		var b bytes.Buffer
		ghCommand(&b, "warning", [][2]string{{"title", s}, {"file", s}}, s)
		line := b.String()
		if strings.Count(line, "\n") != 1 || strings.ContainsRune(line, '\r') {
			t.Errorf("%q: command is not one line: %q", s, line)
			continue
		}
		cmds, _ := runnerRead(line)
		if len(cmds) != 1 || cmds[0].name != "warning" {
			t.Errorf("%q: runner reads %+v", s, cmds)
			continue
		}
		c := cmds[0]
		if c.props["title"] != s || c.props["file"] != s || c.data != s {
			t.Errorf("%q: reads back as title %q, file %q, data %q", s, c.props["title"], c.props["file"], c.data)
		}
	}
}

// TestGitHubEscaping checks the escapes of annotation data (%, newline)
// and properties (colon, comma) on known values.
func TestGitHubEscaping(t *testing.T) {
	if got := ghData("50% done\nnext"); got != "50%25 done%0Anext" {
		t.Errorf("ghData = %q", got)
	}
	if got := ghProperty("a:b,c"); got != "a%3Ab%2Cc" {
		t.Errorf("ghProperty = %q", got)
	}
}

// TestStopToken checks that a token the text contains, in any case, is
// drawn again.
func TestStopToken(t *testing.T) {
	zeros, ones := strings.Repeat("00", 16), strings.Repeat("01", 16)
	random := bytes.NewReader(append(make([]byte, 16), bytes.Repeat([]byte{1}, 16)...))
	token, err := stopToken(random, "text with ORCGEN-"+zeros+" in it")
	if err != nil || token != "orcgen-"+ones {
		t.Errorf("token %q, %v; want orcgen-%s", token, err, ones)
	}
	if _, err := stopToken(bytes.NewReader(nil), ""); err == nil {
		t.Errorf("no error when the random source fails")
	}
}

// TestFirstChange checks the line an annotation points at.
func TestFirstChange(t *testing.T) {
	for _, tc := range []struct {
		diff     string
		line     int
		old, new string
	}{
		{"--- a/f\n+++ b/f\n@@ -10,3 +10,3 @@\n x\n-a\n+b\n y\n", 11, "a", "b"},
		{"--- a/f\n+++ b/f\n@@ -1,2 +1,3 @@\n x\n+added\n y\n@@ -20 +21 @@\n-z\n+w\n", 2, "", "added"},
		{"--- a/f\n+++ b/f\n@@ -0,0 +1 @@\n+new file\n", 1, "", "new file"},
		{"--- a/f\n+++ b/f\n@@ -7 +6,0 @@\n-gone\n", 7, "gone", ""},
		{"", 0, "", ""},
	} {
		line, old, new := firstChange(tc.diff)
		if line != tc.line || old != tc.old || new != tc.new {
			t.Errorf("firstChange(%q) = %d, %q, %q; want %d, %q, %q", tc.diff, line, old, new, tc.line, tc.old, tc.new)
		}
	}
}

// TestRunnerRead checks the test's model of the runner on the cases it
// must get right.
func TestRunnerRead(t *testing.T) {
	out := "plain\n  ::error::indented\nx ##[warning]legacy\n::stop-commands::tok\n::error::stopped\n##[error]stopped\n::TOK::\r::notice::after cr\n"
	cmds, stopped := runnerRead(out)
	var got []string
	for _, c := range cmds {
		got = append(got, c.name)
	}
	if want := []string{"error", "warning", "stop-commands", "tok", "notice"}; !slices.Equal(got, want) || stopped {
		t.Errorf("runnerRead = %v (stopped %v), want %v", got, stopped, want)
	}
}
