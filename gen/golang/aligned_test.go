package golang

import (
	"strings"
	"testing"

	"github.com/orcgen/orcgen/model"
)

// TestAlignedDocComments: an aligned name and an aligned suggestion state
// their confidence as a coarse level, never the exact figure, so that a
// small change in the sources does not rewrite the comment.
func TestAlignedDocComments(t *testing.T) {
	cat := loadModel(t, "small.json")
	named, suggested := &cat.Codes[0], &cat.Codes[len(cat.Codes)-1]
	named.NameOrigin = model.OriginAligned
	named.Alignment = &model.Alignment{Name: named.Name, Confidence: 4.44, Level: model.LevelHigh}
	suggested.NameOrigin, suggested.Guess = model.OriginDerived, "NotEnoughAvailableLicenses"
	suggested.Alignment = &model.Alignment{Name: "NotEnoughAvailableLicenses", Confidence: 0.32, Level: model.LevelMedium}
	out, err := Generate(cat, Options{})
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Join(strings.Fields(strings.ReplaceAll(string(out.Files["orcerr_gen.go"]), "//", "")), " ")
	for _, want := range []string{
		"aligning the page's codes with the enum gives this code, by its place among named codes and the words its text shares with the name, high confidence.",
		"Aligning the page's codes with the spec's enum suggests NotEnoughAvailableLicenses, medium confidence;",
	} {
		if !strings.Contains(src, want) {
			t.Errorf("doc comments lack %q", want)
		}
	}
	if strings.Contains(src, "4.44") || strings.Contains(src, "0.32") {
		t.Error("a doc comment states the exact confidence")
	}
}
