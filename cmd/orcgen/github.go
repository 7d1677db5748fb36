package main

import (
	"bytes"
	"cmp"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/orcgen/orcgen/gen"
	"github.com/orcgen/orcgen/gen/changes"
)

// What the GitHub Actions runner shows: about 10 error and 10 warning
// annotations per step (more are dropped), and a job summary of at most
// 1 MiB per step (a larger one is not uploaded at all).
const (
	ghMaxErrors     = 10
	ghMaxWarnings   = 10
	ghMaxSummary    = 900 << 10
	ghMaxValueRunes = 300 // an old or new value in an annotation
)

// githubOptions says where -format github writes besides stdout.
type githubOptions struct {
	// summary is the job summary file ($GITHUB_STEP_SUMMARY); "" for none.
	summary string
	// rand supplies the stop-commands tokens; crypto/rand when nil.
	rand io.Reader
	// stderr gets a warning when the job summary cannot be written: the
	// check itself is done, so its exit code stands.
	stderr io.Writer
}

// writeGitHub writes what check found as GitHub Actions workflow commands.
//
// Only lines orcgen composes itself are commands: one summary error, an
// error per drifted file (with its first changed line) and a warning per
// changed code, within the runner's limits. Diffs and catalog changes,
// which carry page and spec text, are printed between
// "::stop-commands::TOKEN" and "::TOKEN::" with a fresh random token that
// the text does not contain, so the runner reads none of it as a command.
// The full lists go to the job summary as Markdown when opts.summary is set.
func writeGitHub(w io.Writer, reports []report, opts githubOptions) error {
	if opts.rand == nil {
		opts.rand = rand.Reader
	}
	var b bytes.Buffer
	notes := ghNotes(reports)
	var shownErrs, shownWarns int
	if s := ghSummary(reports); s != "" {
		ghCommand(&b, "error", [][2]string{{"title", "orcgen check"}}, s+ghHidden(notes))
		shownErrs++
	}
	for _, n := range notes {
		switch {
		case n.level == "error" && shownErrs < ghMaxErrors:
			shownErrs++
		case n.level == "warning" && shownWarns < ghMaxWarnings:
			shownWarns++
		default:
			continue
		}
		ghCommand(&b, n.level, n.props, n.msg)
	}
	for _, r := range reports {
		for _, d := range r.drifts {
			if err := ghBlock(&b, opts.rand, "orcgen diff "+ghFile(r.out, d.Path), d.Diff); err != nil {
				return err
			}
		}
		if len(r.drifts) > 0 && r.changes != nil {
			if err := ghBlock(&b, opts.rand, "orcgen catalog changes "+filepath.ToSlash(r.out), string(r.changes.Markdown())); err != nil {
				return err
			}
		}
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		return err
	}
	if opts.summary != "" {
		if err := appendFile(opts.summary, jobSummary(reports)); err != nil && opts.stderr != nil {
			fmt.Fprintf(opts.stderr, "orcgen: warning: %v\n", err)
		}
	}
	return nil
}

// ghNote is one annotation orcgen may print.
type ghNote struct {
	level string // "error" or "warning"
	props [][2]string
	msg   string
}

// ghNotes lists an error per drifted file and a warning per changed code,
// every report's files first.
func ghNotes(reports []report) []ghNote {
	var files, codes []ghNote
	for _, r := range reports {
		for _, d := range r.drifts {
			files = append(files, fileNote(r.out, d))
		}
		if len(r.drifts) > 0 && r.changes != nil {
			codes = append(codes, codeNotes(r.changes)...)
		}
	}
	return append(files, codes...)
}

// fileNote is the annotation of one drifted file: on its first changed
// line, with that line's old and new text.
func fileNote(out string, d gen.Drift) ghNote {
	file := ghFile(out, d.Path)
	props := [][2]string{{"file", file}}
	msg := fmt.Sprintf("%s is %s: run orcgen generate", file, d.Status)
	switch d.Status {
	case gen.DriftChanged:
		line, old, new := firstChange(d.Diff)
		if line > 0 {
			props = append(props, [2]string{"line", strconv.Itoa(line)})
			msg = fmt.Sprintf("%s is changed from line %d: run orcgen generate", file, line)
		}
		if old != "" || new != "" {
			msg += fmt.Sprintf("\n- %s\n+ %s", clip(old), clip(new))
		}
	case gen.DriftStale:
		msg = fmt.Sprintf("%s is stale (orcgen no longer generates it): run orcgen generate", file)
	}
	return ghNote{level: "error", props: append(props, [2]string{"title", "orcgen: " + d.Status + " file"}), msg: msg}
}

// codeNotes is a warning per added, removed, renamed or edited code, by
// code, in that order for one code.
func codeNotes(c *changes.Changes) []ghNote {
	type item struct {
		code       int
		title, msg string
	}
	var items []item
	for _, a := range c.Added {
		items = append(items, item{a.Code, fmt.Sprintf("code %d added", a.Code), refText(a)})
	}
	for _, r := range c.Removed {
		items = append(items, item{r.Code, fmt.Sprintf("code %d removed", r.Code), refText(r)})
	}
	for _, r := range c.Renamed {
		items = append(items, item{r.Code, fmt.Sprintf("code %d renamed", r.Code), fmt.Sprintf("%d: %s → %s", r.Code, r.Old, r.New)})
	}
	for _, e := range c.Edited {
		items = append(items, item{e.Code, fmt.Sprintf("code %d %s changed", e.Code, e.Field),
			fmt.Sprintf("%d %s: %s → %s", e.Code, e.Field, quoteValue(e.Old), quoteValue(e.New))})
	}
	slices.SortStableFunc(items, func(a, b item) int { return cmp.Compare(a.code, b.code) })
	notes := make([]ghNote, len(items))
	for i, it := range items {
		notes[i] = ghNote{level: "warning", props: [][2]string{{"title", "orcgen: " + it.title}}, msg: it.msg}
	}
	return notes
}

func refText(r changes.CodeRef) string {
	s := strconv.Itoa(r.Code)
	if r.Name != "" {
		s += " " + r.Name
	}
	if r.Message != "" {
		s += ": " + quoteValue(r.Message)
	}
	return s
}

// quoteValue shows a field value in an annotation: quoted, clipped,
// "(none)" when empty.
func quoteValue(s string) string {
	if s == "" {
		return "(none)"
	}
	return "“" + clip(s) + "”"
}

// clip shortens s to ghMaxValueRunes runes, marking the cut with "…".
func clip(s string) string {
	if utf8.RuneCountInString(s) <= ghMaxValueRunes {
		return s
	}
	r := []rune(s)
	return string(r[:ghMaxValueRunes-1]) + "…"
}

// ghSummary is the summary annotation's text: one line per output
// directory out of date; "" when all are current.
func ghSummary(reports []report) string {
	var lines []string
	for _, r := range reports {
		if len(r.drifts) == 0 {
			continue
		}
		catalog := "catalog changes unknown (no " + gen.ModelPath + " on disk)"
		if r.changes != nil {
			catalog = "catalog: " + r.changes.Summary()
		}
		lines = append(lines, fmt.Sprintf("%s is out of date: %s; %s; run orcgen generate", filepath.ToSlash(r.out), r.counts(), catalog))
	}
	return strings.Join(lines, "\n")
}

// ghHidden says how many files and codes the annotations leave out.
func ghHidden(notes []ghNote) string {
	var errs, warns int
	for _, n := range notes {
		if n.level == "error" {
			errs++
		} else {
			warns++
		}
	}
	errs -= min(errs, ghMaxErrors-1)
	warns -= min(warns, ghMaxWarnings)
	if errs+warns == 0 {
		return ""
	}
	return fmt.Sprintf("\n%d more files and %d more code changes are not annotated: the log and the job summary list them all", errs, warns)
}

// ghFile is a drifted file's path as the annotation names it.
func ghFile(out, p string) string {
	return path.Join(filepath.ToSlash(out), p)
}

// firstChange returns the old-side line number of a unified diff's first
// change and the first removed and added lines of that hunk; 0 when diff
// has no hunk.
func firstChange(diff string) (line int, old, new string) {
	var n int
	inHunk, found := false, false
	for l := range strings.Lines(diff) {
		l = strings.TrimSuffix(l, "\n")
		if strings.HasPrefix(l, "@@ ") {
			if found {
				break
			}
			inHunk = true
			n = hunkStart(l)
			continue
		}
		if !inHunk || l == "" {
			continue
		}
		switch l[0] {
		case ' ':
			if found {
				return line, old, new
			}
			n++
		case '-':
			if !found {
				line, found = max(n, 1), true
			}
			if old == "" {
				old = l[1:]
			}
			n++
		case '+':
			if !found {
				line, found = max(n, 1), true
			}
			if new == "" {
				new = l[1:]
			}
		}
	}
	return line, old, new
}

// hunkStart reads the old start line of "@@ -a,b +c,d @@"; 0 if malformed.
func hunkStart(h string) int {
	f := strings.Fields(h)
	if len(f) < 2 || !strings.HasPrefix(f[1], "-") {
		return 0
	}
	s, _, _ := strings.Cut(f[1][1:], ",")
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0
	}
	return n
}

// ghCommand writes one workflow command with escaped properties and data.
func ghCommand(b *bytes.Buffer, name string, props [][2]string, data string) {
	b.WriteString("::" + name)
	for i, p := range props {
		if i == 0 {
			b.WriteByte(' ')
		} else {
			b.WriteByte(',')
		}
		b.WriteString(p[0] + "=" + ghProperty(p[1]))
	}
	b.WriteString("::" + ghData(data) + "\n")
}

// ghBlock writes text in a collapsed group, between stop-commands and the
// resume line, with a token text does not contain.
func ghBlock(b *bytes.Buffer, random io.Reader, title, text string) error {
	token, err := stopToken(random, text)
	if err != nil {
		return err
	}
	ghCommand(b, "group", nil, title)
	ghCommand(b, "stop-commands", nil, token)
	b.WriteString(text)
	if text != "" && !strings.HasSuffix(text, "\n") {
		b.WriteByte('\n')
	}
	b.WriteString("::" + token + "::\n")
	ghCommand(b, "endgroup", nil, "")
	return nil
}

// stopToken returns a fresh random token that text does not contain (the
// runner compares tokens without regard to case).
func stopToken(random io.Reader, text string) (string, error) {
	lower := strings.ToLower(text)
	for range 8 {
		var buf [16]byte
		if _, err := io.ReadFull(random, buf[:]); err != nil {
			return "", fmt.Errorf("stop-commands token: %w", err)
		}
		token := "orcgen-" + hex.EncodeToString(buf[:])
		if !strings.Contains(lower, token) {
			return token, nil
		}
	}
	return "", fmt.Errorf("stop-commands token: every token drawn occurs in the text")
}

// ghData escapes a workflow command's data.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProperty escapes a workflow command's property value.
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// jobSummary is the Markdown for $GITHUB_STEP_SUMMARY: per output
// directory, every drifted file and every catalog change; cut at a line
// when longer than the runner accepts.
func jobSummary(reports []report) []byte {
	var b bytes.Buffer
	for _, r := range reports {
		out := filepath.ToSlash(r.out)
		if len(r.drifts) == 0 {
			fmt.Fprintf(&b, "## orcgen check: %s is up to date\n\n", mdCode(out))
			continue
		}
		fmt.Fprintf(&b, "## orcgen check: %s is out of date\n\n%s. Run `orcgen generate` and commit the result.\n\n", mdCode(out), r.counts())
		b.WriteString("| file | status | first change |\n| --- | --- | ---: |\n")
		for _, d := range r.drifts {
			first := ""
			if line, _, _ := firstChange(d.Diff); d.Status == gen.DriftChanged && line > 0 {
				first = "line " + strconv.Itoa(line)
			}
			fmt.Fprintf(&b, "| %s | %s | %s |\n", mdCode(ghFile(r.out, d.Path)), d.Status, first)
		}
		b.WriteString("\n")
		if r.changes == nil {
			fmt.Fprintf(&b, "Catalog changes unknown: no %s on disk.\n\n", mdCode(gen.ModelPath))
			continue
		}
		// changes.Markdown escapes page text; its headings go one level down.
		for l := range strings.Lines(string(r.changes.Markdown())) {
			if strings.HasPrefix(l, "#") {
				l = "#" + l
			}
			b.WriteString(l)
		}
		b.WriteString("\n\n")
	}
	data := b.Bytes()
	if len(data) > ghMaxSummary {
		cut := bytes.LastIndexByte(data[:ghMaxSummary], '\n') + 1
		data = append(data[:cut:cut], "\n… (cut: the job summary holds at most 1 MiB; the log has everything)\n"...)
	}
	return data
}

// mdCode is s as a Markdown code span that also survives a table cell.
func mdCode(s string) string {
	s = strings.NewReplacer("\r", " ", "\n", " ", "|", `\|`).Replace(s)
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		return fence + " " + s + " " + fence
	}
	return fence + s + fence
}

// appendFile appends data to the file at name, creating it if needed.
func appendFile(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return fmt.Errorf("job summary: %w", err)
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("job summary: %w", err)
	}
	return nil
}
