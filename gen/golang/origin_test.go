package golang

import (
	"strings"
	"testing"
)

// TestDerivedNameShowsGuess checks that a derived constant's doc comment
// tells the user which enum name the spec's order suggests, without
// adopting it.
func TestDerivedNameShowsGuess(t *testing.T) {
	cat := loadModel(t, "small.json")
	c := &cat.Codes[len(cat.Codes)-1]
	c.NameOrigin, c.Guess = "derived", "NotEnoughAvailableLicenses"
	out, err := Generate(cat, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Comment lines wrap anywhere: compare the text with the "//" and line
	// breaks taken out.
	src := strings.Join(strings.Fields(strings.ReplaceAll(string(out.Files["orcerr_gen.go"]), "//", "")), " ")
	if !strings.Contains(src, "The order of the spec's enum suggests NotEnoughAvailableLicenses (a guess") {
		t.Errorf("no suggestion of the guessed name in the doc comment of %s", c.Name)
	}
	if strings.Contains(src, "NotEnoughAvailableLicenses Code") {
		t.Error("the guess became a constant")
	}
}
