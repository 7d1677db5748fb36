package parser

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/orcgen/orcgen/model"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/align")

// previousName is a code's name under the rules before the alignment.
type previousName struct{ name, origin string }

// readPrevious reads testdata/align/previous/<spec>.tsv: the names the join
// gave the real page with each shared spec before the alignment replaced
// bracketing and extension (parser at commit dd2fea5), one "code name
// origin" line per code.
func readPrevious(t *testing.T, specFile string) map[int]previousName {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "align", "previous", specFile+".tsv"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[int]previousName{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for line := 1; sc.Scan(); line++ {
		f := strings.Split(sc.Text(), "\t")
		code, err := strconv.Atoi(f[0])
		if len(f) != 3 || err != nil {
			t.Fatalf("previous/%s.tsv line %d: want code, name and origin", specFile, line)
		}
		out[code] = previousName{f[1], f[2]}
	}
	return out
}

// alignTable renders the golden table of one shared version: the codes by
// origin with and without Extend and under the previous rules, and every
// name that changed from the previous rules with its evidence.
func alignTable(t *testing.T, specFile string) []byte {
	cat := realCatalog(t, specFile, JoinOptions{})
	ext := realCatalog(t, specFile, JoinOptions{Extend: true})
	prev := readPrevious(t, specFile)
	var b strings.Builder
	fmt.Fprintf(&b, "# %s: the embedded page's %d codes aligned with the spec's main enum.\n", specFile, len(cat.Codes))
	fmt.Fprintf(&b, "# Thresholds: default %.2f, extend %.2f. Previous: the rules before the alignment.\n\n", AlignThreshold, ExtendThreshold)
	count := func(origin string, get func(int) string) int {
		n := 0
		for i := range cat.Codes {
			if get(i) == origin {
				n++
			}
		}
		return n
	}
	fmt.Fprintf(&b, "%-10s %8s %8s %8s\n", "origin", "previous", "default", "extend")
	for _, o := range []string{model.OriginPage, model.OriginMessage, model.OriginBracketed, model.OriginExtended, model.OriginAligned, model.OriginDerived} {
		fmt.Fprintf(&b, "%-10s %8d %8d %8d\n", o,
			count(o, func(i int) string { return prev[cat.Codes[i].Code].origin }),
			count(o, func(i int) string { return cat.Codes[i].NameOrigin }),
			count(o, func(i int) string { return ext.Codes[i].NameOrigin }))
	}
	fmt.Fprintf(&b, "\nNames changed from the previous rules (default options):\n")
	for _, c := range cat.Codes {
		p := prev[c.Code]
		if p.name == c.Name {
			continue
		}
		fmt.Fprintf(&b, "%d  %s (%s) -> %s (%s)\n", c.Code, p.name, p.origin, c.Name, c.NameOrigin)
		fmt.Fprintf(&b, "      %s\n", evidence(c))
	}
	fmt.Fprintf(&b, "\nSuggestions not used by default (adopted with extend when medium):\n")
	for _, c := range cat.Codes {
		if c.Guess != "" && c.Alignment != nil {
			fmt.Fprintf(&b, "%d  %s: %s\n", c.Code, c.Name, evidence(c))
		}
	}
	return []byte(b.String())
}

// evidence describes a code's alignment in one line.
func evidence(c model.Code) string {
	al := c.Alignment
	if al == nil {
		if c.NameOrigin == model.OriginDerived {
			return "no enum position open to it; derived from its own text"
		}
		return "stated by the page or spelled by a message"
	}
	words := "none"
	if len(al.Words) > 0 {
		words = strings.Join(al.Words, " ")
	}
	runner := "unnamed"
	if al.RunnerUp != "" {
		runner = al.RunnerUp
	}
	anchor := func(code int) string {
		if code == 0 {
			return "none"
		}
		return strconv.Itoa(code)
	}
	return fmt.Sprintf("%s #%d, confidence %.2f (%s), anchors %s..%s, words matched: %s, runner-up: %s",
		al.Name, al.Position, al.Confidence, al.Level, anchor(al.Before), anchor(al.After), words, runner)
}

// TestAlignGolden keeps one table per shared version in testdata/align:
// how many codes each kind of evidence names, and each name that changed
// from the previous rules with the evidence behind it. Review the diff of
// an update: every change must be explainable from the page and the enum.
func TestAlignGolden(t *testing.T) {
	for _, f := range sharedSpecs {
		t.Run(f, func(t *testing.T) {
			got := alignTable(t, f)
			path := filepath.Join("testdata", "align", f+".golden")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				if err := os.WriteFile(path+".got", got, 0o644); err != nil {
					t.Fatal(err)
				}
				t.Errorf("%s differs from the alignment's table; see %s.got (run with -update to accept)", path, path)
			}
		})
	}
}
