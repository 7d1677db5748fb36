package parser

import (
	"reflect"
	"testing"
)

func TestNameWords(t *testing.T) {
	for name, want := range map[string][]string{
		"InvalidODataRequest":             {"Invalid", "O", "Data", "Request"},
		"CannotConnectToADDomain":         {"Cannot", "Connect", "To", "AD", "Domain"},
		"SqlAcquireLockFailure":           {"Sql", "Acquire", "Lock", "Failure"},
		"Error_Code":                      {"Error", "Code"},
		"HTTP2Failed":                     {"HTTP2", "Failed"},
		"ScheduleNotAssociatedWithAQueue": {"Schedule", "Not", "Associated", "With", "A", "Queue"},
	} {
		if got := nameWords(name); !reflect.DeepEqual(got, want) {
			t.Errorf("nameWords(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestStemsMeet: the inflections a message and a name use for one word
// meet at one stem.
func TestStemsMeet(t *testing.T) {
	for _, group := range [][]string{
		{"disconnects", "disconnected", "disconnect"},
		{"cancelled", "cancel", "cancels"},
		{"retried", "retry"},
		{"updatable", "updated", "update"},
		{"licenses", "license", "licensed"},
	} {
		for _, w := range group[1:] {
			if stem(w) != stem(group[0]) {
				t.Errorf("stem(%q) = %q, stem(%q) = %q", w, stem(w), group[0], stem(group[0]))
			}
		}
	}
}

// TestLexScore: rarer words weigh more, words in the name's order count in
// full, and a name the text spells wholly beats one it spells in part.
func TestLexScore(t *testing.T) {
	lx := newLexicon([]string{"InvalidCron", "InvalidCronRecurrence", "InvalidArgument", "InvalidUser", "ScheduleMisfired"})
	text := textWords("Invalid cron expression syntax.")
	cron, recurrence, argument := lx.score(text, 0), lx.score(text, 1), lx.score(text, 2)
	if !(cron.score > recurrence.score && recurrence.score > argument.score && argument.score > 0) {
		t.Errorf("scores InvalidCron %.2f, InvalidCronRecurrence %.2f, InvalidArgument %.2f: want that order, all above 0",
			cron.score, recurrence.score, argument.score)
	}
	if !reflect.DeepEqual(cron.matched, []string{"Invalid", "Cron"}) {
		t.Errorf("matched %q", cron.matched)
	}
	if s := lx.score(text, 4); s.score != 0 || s.matched != nil {
		t.Errorf("ScheduleMisfired scored %+v for a text sharing no word", s)
	}
	reversed := lx.score(textWords("Cron invalid."), 0)
	if reversed.score >= cron.score {
		t.Errorf("words out of the name's order score %.2f, in order %.2f", reversed.score, cron.score)
	}
}
