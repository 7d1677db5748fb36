package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/htmlindex"

	"github.com/orcgen/orcgen/parser/source"
)

// hostileCase is one directory of testdata/hostile: its inputs and the
// outcome orcgen must have (expect.json).
type hostileCase struct {
	// About says what the case tries, for the reader.
	About string `json:"about"`
	// Page builds the page input; nil for the embedded default.
	Page *pageInput `json:"page"`
	// Spec is the spec file in the case directory; "" for the embedded
	// snapshot.
	Spec string `json:"spec"`
	// Generate names a generator of hostileGenerators that writes big
	// inputs (page.html and/or spec.yaml) at test time.
	Generate string `json:"generate"`
	// Command is "generate" (default) or "model".
	Command string `json:"command"`
	// Args are extra flags.
	Args []string `json:"args"`
	// Exit is the exit code orcgen must return.
	Exit int `json:"exit"`
	// Stderr lists substrings the error output must hold.
	Stderr []string `json:"stderr"`
	// Names maps codes to the exact identifier the catalog must give them.
	Names map[string]string `json:"names"`
	// Messages maps codes to the exact first message the catalog must hold.
	Messages map[string]string `json:"messages"`
	// Absent lists codes the catalog must not hold.
	Absent []int `json:"absent"`
	// Diagnostics lists substrings of diagnostic messages the catalog must
	// hold.
	Diagnostics []string `json:"diagnostics"`
	// Codes is the exact number of codes, 0 to not check.
	Codes int `json:"codes"`
	// SpecNames is the exact number of spec names, 0 to not check.
	SpecNames int `json:"specNames"`
	// MaxHeapMB bounds the peak heap growth during the run (default
	// defaultMaxHeapMB).
	MaxHeapMB uint64 `json:"maxHeapMB"`
	// MaxAllocMB bounds the bytes allocated during the run, the work it
	// does (default defaultMaxAllocMB).
	MaxAllocMB uint64 `json:"maxAllocMB"`
	// Slow cases are skipped with -short.
	Slow bool `json:"slow"`
	// ScaleOnly cases prove that an input at a limit fits the bounds: their
	// output is checked against the catalog's code count only, not
	// compiled, validated and read back, which the small cases prove at a
	// fraction of the cost.
	ScaleOnly bool `json:"scaleOnly"`

	name, dir string
}

// pageInput says how to build a case's page.
type pageInput struct {
	// File is a complete page in the case directory.
	File string `json:"file"`
	// Rows is a file of hostile <tr> rows put in the middle of the filler
	// rows of an ordinary codes table.
	Rows string `json:"rows"`
	// Filler is the shape of the filler rows: "standard" (Code | Text |
	// Description), "reordered" (Text | Code | Description) or
	// "four-columns" (a fourth cell on every row).
	Filler string `json:"filler"`
	// Fillers is how many filler rows there are (default page.MinRows).
	Fillers int `json:"fillers"`
	// First puts Rows before the filler rows instead of in their middle.
	First bool `json:"first"`
	// Split, when not 0, ends the table after that many filler rows and
	// puts the rest in a second table of the same header.
	Split int `json:"split"`
	// Decoy, when not 0, puts a table of that many integer codes (1, 2,
	// ...) under another header before the codes table.
	Decoy int `json:"decoy"`
	// Keep, when not 0, keeps only that percentage of the page's bytes: a
	// body cut short.
	Keep int `json:"keep"`
	// Charset encodes the page in that charset ("windows-1251"); the page
	// still declares <meta charset="utf-8">.
	Charset string `json:"charset"`
	// ContentType, when set, is recorded in a snapshot metadata file
	// beside the page (page.html.meta.json, as orcgen fetch writes it).
	ContentType string `json:"contentType"`
}

// loadHostileCases reads every case directory under root, sorted by name.
func loadHostileCases(t *testing.T, root string) []*hostileCase {
	t.Helper()
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	var cases []*hostileCase
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		dir := filepath.Join(root, e.Name())
		data, err := os.ReadFile(filepath.Join(dir, "expect.json"))
		if err != nil {
			t.Fatalf("case %s: %v", e.Name(), err)
		}
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		c := &hostileCase{name: e.Name(), dir: dir}
		if err := dec.Decode(c); err != nil {
			t.Fatalf("case %s: expect.json: %v", e.Name(), err)
		}
		cases = append(cases, c)
	}
	if len(cases) == 0 {
		t.Fatalf("no cases under %s", root)
	}
	return cases
}

// inputs writes the case's inputs into work and returns the page and spec
// paths ("" for the embedded defaults).
func (c *hostileCase) inputs(t *testing.T, work string) (pagePath, specPath string) {
	t.Helper()
	if c.Generate != "" {
		gen, ok := hostileGenerators[c.Generate]
		if !ok {
			t.Fatalf("unknown generator %q", c.Generate)
		}
		return gen(t, work)
	}
	if c.Page != nil {
		pagePath = filepath.Join(work, "page.html")
		data := c.Page.build(t, c.dir)
		writeTestFile(t, pagePath, data)
		if c.Page.ContentType != "" {
			writeTestFile(t, pagePath+".meta.json", snapshotMeta(t, data, c.Page.ContentType))
		}
	}
	if c.Spec != "" {
		specPath = filepath.Join(work, c.Spec)
		writeTestFile(t, specPath, readTestFile(t, filepath.Join(c.dir, c.Spec)))
	}
	return pagePath, specPath
}

// build returns the page's bytes.
func (p *pageInput) build(t *testing.T, dir string) []byte {
	t.Helper()
	var page []byte
	if p.File != "" {
		page = readTestFile(t, filepath.Join(dir, p.File))
	} else {
		var rows []byte
		if p.Rows != "" {
			rows = readTestFile(t, filepath.Join(dir, p.Rows))
		}
		n := p.Fillers
		if n == 0 {
			n = 50
		}
		var err error
		page, err = layoutPage(rows, pageLayout{shape: p.Filler, n: n, first: p.First, split: p.Split, decoy: p.Decoy})
		if err != nil {
			t.Fatal(err)
		}
	}
	if p.Charset != "" {
		enc, err := htmlindex.Get(p.Charset)
		if err != nil {
			t.Fatal(err)
		}
		if page, err = enc.NewEncoder().Bytes(page); err != nil {
			t.Fatalf("encode the page in %s: %v", p.Charset, err)
		}
	}
	if p.Keep != 0 {
		page = page[:len(page)*p.Keep/100]
	}
	return page
}

// snapshotMeta returns the metadata orcgen fetch would write beside a
// snapshot of data served with contentType.
func snapshotMeta(t *testing.T, data []byte, contentType string) []byte {
	t.Helper()
	sum := sha256.Sum256(data)
	meta, err := json.MarshalIndent(source.Metadata{URL: "https://docs.example.com/response-codes", FetchedAt: "2026-11-30T00:00:00Z",
		SHA256: hex.EncodeToString(sum[:]), ContentType: contentType, Status: 200}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return meta
}

// Filler rows carry codes fillerBase, fillerBase+1, ...; hostile rows use
// codes of their own.
const fillerBase = 5000

// pageLayout shapes a page of filler rows: see pageInput.
type pageLayout struct {
	shape string
	n     int
	first bool
	split int
	decoy int
}

// codesPage returns a Response Codes page in the site's shape whose table
// holds n filler rows of the given shape with rows (raw <tr> markup) in the
// middle of them.
func codesPage(rows []byte, shape string, n int) ([]byte, error) {
	return layoutPage(rows, pageLayout{shape: shape, n: n})
}

// layoutPage returns a Response Codes page in the site's shape laid out as
// l says, with rows (raw <tr> markup) among the filler rows.
func layoutPage(rows []byte, l pageLayout) ([]byte, error) {
	row, header, err := fillerShape(l.shape)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Response Codes</title>\n</head>\n<body>\n<main>\n<h1>Response Codes</h1>\n")
	if l.decoy > 0 {
		b.WriteString("<p>Status summary.</p>\n<table>\n<tr><th>Status</th><th>Reason</th><th>Details</th></tr>\n")
		for i := 1; i <= l.decoy; i++ {
			fmt.Fprintf(&b, "<tr><td>%d</td><td>Reason %d.</td><td>Details.</td></tr>\n", i, i)
		}
		b.WriteString("</table>\n")
	}
	open := "<table>\n<thead>\n" + header + "\n</thead>\n<tbody>\n"
	const end = "</tbody>\n</table>\n"
	b.WriteString("<p>The table below describes each of these errors and when you can encounter them.</p>\n" + open)
	at := l.n / 2
	if l.first {
		at = 0
	}
	for i := range l.n {
		if l.split > 0 && i == l.split {
			b.WriteString(end + "<p>Continued.</p>\n" + open)
		}
		if i == at {
			b.Write(rows)
		}
		fmt.Fprintf(&b, row+"\n", fillerBase+i, fillerBase+i)
	}
	if l.n == 0 {
		b.Write(rows)
	}
	b.WriteString(end + "</main>\n</body>\n</html>\n")
	return b.Bytes(), nil
}

// fillerShape returns the format of a filler row (code, code) and the
// header row of a table shape.
func fillerShape(shape string) (row, header string, err error) {
	switch shape {
	case "", "standard":
		return "<tr><td><p>%d</p></td><td><p>Filler message %d.</p></td><td><p>An ordinary row.</p></td></tr>",
			"<tr><th>Code</th><th>Text</th><th>Description</th></tr>", nil
	case "reordered":
		return "<tr><td><p>Filler message %[2]d.</p></td><td><p>%[1]d</p></td><td><p>An ordinary row.</p></td></tr>",
			"<tr><th>Text</th><th>Code</th><th>Description</th></tr>", nil
	case "four-columns":
		return "<tr><td><p>%d</p></td><td><p>Filler message %d.</p></td><td><p>An ordinary row.</p></td><td><p>Since 2020.4</p></td></tr>",
			"<tr><th>Code</th><th>Text</th><th>Description</th><th>Since</th></tr>", nil
	}
	return "", "", fmt.Errorf("unknown filler shape %q", shape)
}

// args returns the orcgen command line of the case.
func (c *hostileCase) args(pagePath, specPath, out string) []string {
	cmd := orDefault(c.Command, "generate")
	args := []string{cmd}
	if pagePath != "" {
		args = append(args, "-page", pagePath)
	}
	if specPath != "" {
		args = append(args, "-spec", specPath)
	}
	if cmd == "generate" {
		args = append(args, "-out", out)
	}
	return append(args, c.Args...)
}

// orDefault returns s, or def when s is empty.
func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// wantsOutput reports whether the case must generate files.
func (c *hostileCase) wantsOutput() bool {
	return c.Exit == 0 && orDefault(c.Command, "generate") == "generate"
}

// checkStderr checks the error output holds every expected substring.
// A successful run may print only diagnostics (see printDiagnostics), and
// only when the case expects some: a case that loses no row of the page
// must keep stderr empty.
func (c *hostileCase) checkStderr(t *testing.T, stderr string) {
	t.Helper()
	for _, s := range c.Stderr {
		if !strings.Contains(stderr, s) {
			t.Errorf("stderr lacks %q:\n%s", s, stderr)
		}
	}
	if c.Exit != 0 {
		return
	}
	if len(c.Stderr) == 0 && stderr != "" {
		t.Errorf("stderr of a successful run that loses no row is not empty:\n%s", stderr)
	}
	for _, line := range strings.Split(strings.TrimSuffix(stderr, "\n"), "\n") {
		if line != "" && !diagnosticLineRE.MatchString(line) {
			t.Errorf("stderr of a successful run holds a line that is no diagnostic: %q", line)
		}
	}
}

// diagnosticLineRE matches the lines printDiagnostics writes by default.
var diagnosticLineRE = regexp.MustCompile(`^orcgen: (warning: \S.*|page: [0-9]+ warnings? \(rows dropped, merged or changed\).*)$`)

func readTestFile(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func writeTestFile(t *testing.T, name string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// sortedKeys returns m's keys, sorted.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
