package parser

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/orcgen/orcgen/model"
)

// looOutcome is what the alignment made of one hidden anchor.
type looOutcome struct {
	spec   string
	window int  // how many consecutive anchors were hidden together
	kept   bool // the code kept the text that does not spell its name
	code   int
	want   string  // the hidden name
	got    string  // the name the alignment gives the code, "" for none
	margin float64 // its confidence
}

func (o looOutcome) right() bool { return o.got == o.want }

// leaveOneOut hides, in turn, each name the page states or a message
// spells (an anchor of the chain), together with the code's own names,
// messages and description, realigns, and records what comes back. With a
// window above 1 it hides that many consecutive anchors at once, a harder
// test: the hidden codes lose the neighbours that anchored them.
func leaveOneOut(t testing.TB, specFile string, window int, keep bool) []looOutcome {
	t.Helper()
	j, err := newJoiner(realPage(t), sharedSpec(t, specFile), JoinOptions{})
	if err != nil {
		t.Fatal(err)
	}
	chain, _, _ := j.claimStated()
	var out []looOutcome
	for k := 0; k+window <= len(chain); k++ {
		hidden := map[int][]string{}
		for _, a := range chain[k : k+window] {
			hidden[a.code] = nil
			if keep {
				hidden[a.code] = keptText(j.out.Codes[a.code], a.name)
			}
		}
		choices, _ := j.align(chain, hidden)
		for _, a := range chain[k : k+window] {
			if window > 1 && a != chain[k+window/2] {
				continue // each anchor counted once per window size: as the window's middle
			}
			ch := choices[a.code]
			o := looOutcome{spec: specFile, window: window, kept: keep, code: j.out.Codes[a.code].Code, want: a.name, margin: ch.margin}
			if ch.pos >= 0 {
				o.got = j.mainEnum[ch.pos]
			}
			out = append(out, o)
		}
	}
	return out
}

// keptText is the code's own text without the messages that spell name:
// what is left when only the spelling is hidden.
func keptText(c model.Code, name string) []string {
	var words []string
	for _, m := range c.Messages {
		if !spelledBy([]string{m}, name) {
			words = append(words, textWords(m)...)
		}
	}
	return append(words, textWords(describedCase(c.Description))...)
}

// looWindows is the largest number of consecutive anchors hidden at once.
const looWindows = 3

// looThresholds are the confidences the leave-one-out table reports.
var looThresholds = []float64{0, 0.1, 0.25, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 5, 6}

// TestAlignLeaveOneOut sets the thresholds from evidence. For each shared
// spec version it hides every anchor in turn and counts, at each
// threshold, the hidden names that come back (right), the other names
// given instead (wrong), precision = right/(right+wrong) and recall =
// right/hidden. AlignThreshold must admit no wrong name on any version;
// ExtendThreshold must keep precision at 90% or better overall.
func TestAlignLeaveOneOut(t *testing.T) {
	var all []looOutcome
	for _, f := range sharedSpecs {
		for w := 1; w <= looWindows; w++ {
			all = append(all, leaveOneOut(t, f, w, false)...)
		}
		all = append(all, leaveOneOut(t, f, 1, true)...)
	}
	var table strings.Builder
	fmt.Fprintf(&table, "%-34s %-7s %9s %6s %6s %6s %9s %7s\n", "spec", "hidden", "threshold", "codes", "right", "wrong", "precision", "recall")
	for _, f := range append(sharedSpecs, "all") {
		for w := 0; w <= looWindows; w++ {
			mode := fmt.Sprintf("%d+text", w)
			if w > 0 {
				mode = fmt.Sprintf("%d", w)
			}
			for _, th := range looThresholds {
				hidden, right, wrong := 0, 0, 0
				for _, o := range all {
					if f != "all" && o.spec != f || w > 0 && (o.window != w || o.kept) || w == 0 && !o.kept {
						continue
					}
					hidden++
					if o.got == "" || o.margin < th {
						continue
					}
					if o.right() {
						right++
					} else {
						wrong++
					}
				}
				fmt.Fprintf(&table, "%-34s %-7s %9.2f %6d %6d %6d %8.1f%% %6.1f%%\n", f, mode, th, hidden, right, wrong,
					percent(right, right+wrong), percent(right, hidden))
			}
		}
	}
	disagree := crossVersion(t)
	fmt.Fprintf(&table, "\ncodes aligned to different names on two versions (one enum holding both):\n%9s %6s\n", "threshold", "codes")
	for _, th := range looThresholds {
		n := 0
		for _, m := range disagree {
			if m >= th {
				n++
			}
		}
		fmt.Fprintf(&table, "%9.2f %6d\n", th, n)
	}
	t.Logf("leave-one-out, by threshold:\n%s", table.String())

	maxWrong := math.Inf(-1)
	for code, m := range disagree {
		t.Logf("code %d: aligned to different names on two versions, the higher confidence %.2f", code, m)
		maxWrong = math.Max(maxWrong, m)
		if m >= AlignThreshold {
			t.Errorf("code %d: AlignThreshold %.2f admits names that differ between versions (confidence %.2f)", code, AlignThreshold, m)
		}
	}
	right, wrong := 0, 0
	for _, o := range all {
		if o.got == "" || o.right() {
			if o.got != "" && o.margin >= ExtendThreshold {
				right++
			}
			continue
		}
		t.Logf("wrong: %s window %d (text kept: %v), %d: %s (confidence %.2f), hidden %s", o.spec, o.window, o.kept, o.code, o.got, o.margin, o.want)
		maxWrong = math.Max(maxWrong, o.margin)
		if o.margin >= ExtendThreshold {
			wrong++
		}
		if o.margin >= AlignThreshold {
			t.Errorf("%s %d: AlignThreshold %.2f admits %s (confidence %.2f) for the hidden %s", o.spec, o.code, AlignThreshold, o.got, o.margin, o.want)
		}
	}
	// The default is the first threshold of the table above the highest
	// wrong or disputed confidence: every step higher costs names.
	want := looThresholds[0]
	for _, th := range looThresholds {
		if th > maxWrong && th > 0 { // a tie (0) is no evidence either way
			want = th
			break
		}
	}
	if AlignThreshold != want {
		t.Errorf("AlignThreshold = %.2f; the evidence sets it at %.2f, the first threshold above the highest wrong or disputed confidence %.2f", AlignThreshold, want, maxWrong)
	}
	if ExtendThreshold <= 0 || ExtendThreshold >= AlignThreshold {
		t.Errorf("ExtendThreshold = %.2f, want above 0 (a tie is no evidence) and below AlignThreshold", ExtendThreshold)
	}
	if p := percent(right, right+wrong); p < 90 {
		t.Errorf("precision at ExtendThreshold %.2f is %.1f%%, want at least 90%%", ExtendThreshold, p)
	}
}

// crossVersion returns, for each code that the alignment gives different
// names on two shared versions while one of the versions' main enums holds
// both names (so it saw the other name and preferred its own), the higher
// of the two confidences: at least one of the two names is wrong, and which
// one is not known, so the default threshold may admit neither.
func crossVersion(t *testing.T) map[int]float64 {
	type named struct {
		name   string
		margin float64
		enum   map[string]bool
	}
	byCode := map[int][]named{}
	for _, f := range sharedSpecs {
		cat := realCatalog(t, f, JoinOptions{})
		enum := map[string]bool{}
		for _, e := range cat.Enums {
			if len(e.Values) > len(enum) {
				enum = map[string]bool{}
				for _, v := range e.Values {
					enum[v] = true
				}
			}
		}
		for _, c := range cat.Codes {
			if c.Alignment != nil {
				byCode[c.Code] = append(byCode[c.Code], named{c.Alignment.Name, c.Alignment.Confidence, enum})
			}
		}
	}
	out := map[int]float64{}
	for code, ns := range byCode {
		for _, a := range ns {
			for _, b := range ns {
				if a.name != b.name && (a.enum[b.name] || b.enum[a.name]) {
					m := math.Max(a.margin, b.margin)
					if old, ok := out[code]; !ok || m > old {
						out[code] = m
					}
				}
			}
		}
	}
	return out
}

func percent(a, b int) float64 {
	if b == 0 {
		return 100
	}
	return 100 * float64(a) / float64(b)
}
