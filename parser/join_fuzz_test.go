package parser

import (
	"reflect"
	"strings"
	"testing"

	"github.com/orcgen/orcgen/model"
	"github.com/orcgen/orcgen/model/ident"
)

// fuzzPage makes a page catalog of one code per line of text (1000, 1001,
// ...): the line is the code's message, and its words that are valid
// identifiers are the names the page states.
func fuzzPage(text string) *model.Catalog {
	var codes []model.Code
	for i, line := range strings.Split(text, "\n") {
		c := model.Code{Code: 1000 + i, Names: []string{}, Messages: []string{line}, Params: []string{},
			Endpoints: []model.Endpoint{}, Source: "fuzz row"}
		for _, w := range strings.Fields(line) {
			if ident.Valid(w) {
				c.Names = append(c.Names, w)
			}
		}
		codes = append(codes, c)
	}
	return testPage(codes...)
}

// FuzzJoin joins any page with any enum of names: every code gets a valid,
// unique Name and an origin, and two joins agree.
func FuzzJoin(f *testing.F) {
	f.Add("Tenant not found.\nRobot does not exist.\nRobotNotFound", "TenantNotFound RobotDoesNotExist RobotNotFound")
	f.Add("Unknown error.\n\nUnknown error.", "UnknownError UnknownError Unknown_Error")
	f.Add("nil\ntype\n日本語\n{0}", "nil Type 1abc")
	f.Fuzz(func(t *testing.T, page, enum string) {
		spec := testSpec(strings.Fields(enum)...)
		cat, err := Join(fuzzPage(page), spec, JoinOptions{})
		if err != nil {
			t.Fatalf("Join: %v", err)
		}
		again, err := Join(fuzzPage(page), spec, JoinOptions{})
		if err != nil || !reflect.DeepEqual(cat, again) {
			t.Fatalf("two joins differ (%v)", err)
		}
		if want := len(strings.Split(page, "\n")); len(cat.Codes) != want {
			t.Fatalf("%d codes, want %d", len(cat.Codes), want)
		}
		seen := map[string]int{}
		for _, c := range cat.Codes {
			if !ident.Valid(c.Name) || c.NameOrigin == "" {
				t.Fatalf("code %d: name %q (origin %q) is not a valid exported identifier", c.Code, c.Name, c.NameOrigin)
			}
			if prev, dup := seen[c.Name]; dup {
				t.Fatalf("codes %d and %d are both named %q", prev, c.Code, c.Name)
			}
			seen[c.Name] = c.Code
		}
	})
}
