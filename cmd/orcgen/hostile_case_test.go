package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
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
	// Timeout bounds the run (default defaultCaseTimeout).
	Timeout duration `json:"timeout"`
	// MaxHeapMB bounds the peak heap growth during the run (default
	// defaultMaxHeapMB).
	MaxHeapMB uint64 `json:"maxHeapMB"`
	// Slow cases are skipped with -short.
	Slow bool `json:"slow"`

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
}

// duration is a time.Duration read from a JSON string ("10s").
type duration time.Duration

func (d *duration) UnmarshalJSON(data []byte) error {
	var s string
	if err := json.Unmarshal(data, &s); err != nil {
		return err
	}
	v, err := time.ParseDuration(s)
	*d = duration(v)
	return err
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
		writeTestFile(t, pagePath, c.Page.build(t, c.dir))
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
	if p.File != "" {
		return readTestFile(t, filepath.Join(dir, p.File))
	}
	var rows []byte
	if p.Rows != "" {
		rows = readTestFile(t, filepath.Join(dir, p.Rows))
	}
	n := p.Fillers
	if n == 0 {
		n = 50
	}
	page, err := codesPage(rows, p.Filler, n)
	if err != nil {
		t.Fatal(err)
	}
	return page
}

// Filler rows carry codes fillerBase, fillerBase+1, ...; hostile rows use
// codes of their own.
const fillerBase = 5000

// codesPage returns a Response Codes page in the site's shape whose table
// holds n filler rows of the given shape with rows (raw <tr> markup) in the
// middle of them.
func codesPage(rows []byte, shape string, n int) ([]byte, error) {
	row, header, err := fillerShape(shape)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Response Codes</title>\n</head>\n<body>\n<main>\n<h1>Response Codes</h1>\n")
	b.WriteString("<p>The table below describes each of these errors and when you can encounter them.</p>\n<table>\n<thead>\n" + header + "\n</thead>\n<tbody>\n")
	for i := range n {
		if i == n/2 {
			b.Write(rows)
		}
		fmt.Fprintf(&b, row+"\n", fillerBase+i, fillerBase+i)
	}
	if n == 0 {
		b.Write(rows)
	}
	b.WriteString("</tbody>\n</table>\n</main>\n</body>\n</html>\n")
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

// checkStderr checks the error output holds every expected substring, and
// that the first line names the input when the case failed.
func (c *hostileCase) checkStderr(t *testing.T, stderr string) {
	t.Helper()
	for _, s := range c.Stderr {
		if !strings.Contains(stderr, s) {
			t.Errorf("stderr lacks %q:\n%s", s, stderr)
		}
	}
	if c.Exit == 0 && stderr != "" {
		t.Errorf("stderr of a successful run is not empty:\n%s", stderr)
	}
}

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
