package parser

import (
	"slices"
	"testing"

	"github.com/orcgen/orcgen/model"
)

// fromEvidence reports whether a code's name comes from the sources rather
// than from its text or number.
func fromEvidence(c model.Code) bool {
	switch c.NameOrigin {
	case model.OriginPage, model.OriginMessage, model.OriginBracketed, model.OriginAligned:
		return true
	}
	return false
}

// TestAlignRealAim checks the aim on every shared spec version: at
// least 80 of the page's 119 codes named from evidence by default and 100
// with Extend, and no aligned name contradicting the page or a message.
func TestAlignRealAim(t *testing.T) {
	for _, f := range sharedSpecs {
		t.Run(f, func(t *testing.T) {
			for _, c := range []struct {
				opts JoinOptions
				want int
			}{{JoinOptions{}, 80}, {JoinOptions{Extend: true}, 100}} {
				cat := realCatalog(t, f, c.opts)
				n := 0
				for _, code := range cat.Codes {
					if fromEvidence(code) {
						n++
					}
				}
				t.Logf("extend=%v: %d of %d codes named from evidence", c.opts.Extend, n, len(cat.Codes))
				if n < c.want {
					t.Errorf("extend=%v: %d codes named from evidence, want at least %d", c.opts.Extend, n, c.want)
				}
				checkNoContradiction(t, cat)
			}
		})
	}
}

// checkNoContradiction fails when a name the alignment chose is one the
// page states for another code, or one another code's message spells.
func checkNoContradiction(t *testing.T, cat *model.Catalog) {
	t.Helper()
	owner := map[string]int{} // name → code whose page text or message states it
	for _, c := range cat.Codes {
		for _, n := range c.Names {
			owner[n] = c.Code
		}
	}
	for _, c := range cat.Codes {
		if c.NameOrigin == model.OriginMessage {
			owner[c.Name] = c.Code
		}
	}
	for _, c := range cat.Codes {
		if c.NameOrigin != model.OriginAligned && c.NameOrigin != model.OriginBracketed {
			continue
		}
		if o, ok := owner[c.Name]; ok && o != c.Code {
			t.Errorf("%d: aligned name %s is stated or spelled for %d", c.Code, c.Name, o)
		}
		if len(c.Names) > 0 && !slices.Contains(c.Names, c.Name) {
			t.Errorf("%d: aligned name %s, but the page states %v", c.Code, c.Name, c.Names)
		}
	}
}
