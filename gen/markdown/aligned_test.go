package markdown

import (
	"testing"

	"github.com/orcgen/orcgen/model"
)

// TestCodeViewAlignedSuggestion: a code the alignment does not name by
// default shows the suggestion with its coarse confidence level, and an
// aligned name says how it was found.
func TestCodeViewAlignedSuggestion(t *testing.T) {
	c := model.Code{Code: 1100, Name: "UserNoLongerAssociatedWithOrganization", NameOrigin: model.OriginDerived,
		Guess:     "InvalidOrganizationUnit",
		Alignment: &model.Alignment{Name: "InvalidOrganizationUnit", Confidence: 0.32, Level: model.LevelMedium}}
	want := "`InvalidOrganizationUnit` (suggested by aligning the codes with the spec's enum, medium confidence)"
	if got := codeView(c).KnownAs; got != want {
		t.Errorf("KnownAs = %q, want %q", got, want)
	}
	c = model.Code{Code: 1853, Name: "ReviewerNotAvailable", NameOrigin: model.OriginAligned}
	if got, want := codeView(c).Origin, "the spec's enum name aligned with the code by its place and its words"; got != want {
		t.Errorf("Origin = %q, want %q", got, want)
	}
}
