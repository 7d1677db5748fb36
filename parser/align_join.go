package parser

import (
	"math"
	"runtime"
	"slices"
	"sync"

	"github.com/orcgen/orcgen/model"
)

// Confidence thresholds of the alignment. TestAlignLeaveOneOut sets them
// from evidence: it hides each name the page states or a message spells,
// together with the code's own text, realigns, and counts how often the
// hidden name comes back at each threshold, on every shared spec version.
const (
	// AlignThreshold is the confidence an aligned name needs to become a
	// code's Name by default: no hidden name came back wrong at or above
	// it in the leave-one-out test.
	AlignThreshold = 1.0
	// ExtendThreshold is the lower confidence JoinOptions.Extend accepts.
	ExtendThreshold = 0.1
)

// level returns the coarse confidence level of a margin.
func level(margin float64) string {
	switch {
	case margin >= AlignThreshold:
		return model.LevelHigh
	case margin >= ExtendThreshold:
		return model.LevelMedium
	}
	return model.LevelLow
}

// claimAligned aligns the codes still unnamed with the main enum, the
// chain's anchors fixed, and names each code whose confidence reaches the
// threshold in use (bracketed when two anchors enclose it with equal steps
// in codes and names, aligned otherwise). Every code the alignment can
// place records its evidence in Alignment, and the suggestion in Guess when
// it stays unnamed.
func (j *joiner) claimAligned(chain []anchor, claimed map[string]int, claim func(int, string, string)) {
	if len(j.mainEnum) == 0 {
		return
	}
	threshold := AlignThreshold
	if j.opts.Extend {
		threshold = ExtendThreshold
	}
	choices, unaligned := j.align(chain, nil)
	if unaligned > 0 {
		j.diag(model.SeverityWarning, 0, "%d codes left unaligned: between two named codes, codes times enum names exceed %d, the alignment's limit", unaligned, maxAlignCells)
	}
	for ci, ch := range choices {
		c := &j.out.Codes[ci]
		if c.Name != "" || ch.pos < 0 {
			continue
		}
		c.Alignment = j.alignmentOf(ci, ch, chain)
		name := j.mainEnum[ch.pos]
		if _, taken := claimed[name]; taken || ch.margin < threshold {
			c.Guess = name
			continue
		}
		origin := model.OriginAligned
		if j.bracketed(ci, ch.pos, chain) {
			origin = model.OriginBracketed
		}
		claim(ci, name, origin)
	}
}

// align solves the alignment of the catalog's codes with the chain's
// anchors fixed. Hidden codes (indexes into out.Codes, mapped to the text
// words they keep, nil for none) are treated as if the page gave them no
// name: they are free, and the names they state or spell are open to every
// code, even where another code states them too. Codes named otherwise stay
// unnamed.
func (j *joiner) align(chain []anchor, hidden map[int][]string) (choices []alignChoice, unaligned int) {
	codes := j.out.Codes
	if j.lex == nil {
		j.lex = newLexicon(j.mainEnum)
	}
	a := &alignProblem{
		values: make([]int, len(codes)),
		m:      len(j.mainEnum),
		fixed:  make([]int, len(codes)),
		skip:   make([]bool, len(codes)),
		taken:  make([]bool, len(j.mainEnum)),
	}
	open := map[string]bool{}
	for ci := range hidden {
		for _, n := range j.statedOrSpelled(ci) {
			open[n] = true
		}
	}
	for ci, c := range codes {
		a.values[ci], a.fixed[ci] = c.Code, -1
		for _, n := range j.statedOrSpelled(ci) {
			if p, ok := j.position[n]; ok && !open[n] {
				a.taken[p] = true
			}
		}
	}
	for _, an := range chain {
		if _, hide := hidden[an.code]; !hide {
			a.fixed[an.code] = an.pos
		}
	}
	for ci, c := range codes {
		if _, hide := hidden[ci]; !hide && a.fixed[ci] < 0 && c.Name != "" {
			a.skip[ci] = true
		}
	}
	var need []int
	for ci := range codes {
		if _, hide := hidden[ci]; !hide && a.fixed[ci] < 0 && !a.skip[ci] {
			need = append(need, ci)
		}
	}
	j.prefillLexRows(need)
	a.lexOf = func(ci int) map[int]float64 {
		if text, hide := hidden[ci]; hide {
			return j.lex.row(text)
		}
		if a.fixed[ci] >= 0 || a.skip[ci] {
			return nil
		}
		return j.lexRow(ci)
	}
	choices = a.solve()
	return choices, a.unaligned
}

// statedOrSpelled returns the names the page states for code ci and the
// name its message spells, if any.
func (j *joiner) statedOrSpelled(ci int) []string {
	names := slices.Clone(j.out.Codes[ci].Names)
	if n := j.spelled[ci]; n != "" {
		names = append(names, n)
	}
	return names
}

// prefillLexRows computes the lexical rows of the codes cis that lexRow
// has not computed yet, spread over the processors: each row depends on
// its code's text and the lexicon alone.
func (j *joiner) prefillLexRows(cis []int) {
	if j.lexRows == nil {
		j.lexRows = make([]map[int]float64, len(j.out.Codes))
	}
	var todo []int
	for _, ci := range cis {
		if j.lexRows[ci] == nil {
			todo = append(todo, ci)
		}
	}
	if len(todo) == 0 {
		return
	}
	j.text(todo[0]) // the texts are made once, before the workers share them
	workers := min(runtime.GOMAXPROCS(0), len(todo))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for k := w; k < len(todo); k += workers {
				ci := todo[k]
				j.lexRows[ci] = j.lex.row(j.texts[ci])
			}
		})
	}
	wg.Wait()
}

// lexRow returns the lexical scores of code ci's own text against every
// name it shares a word with, computed once per code.
func (j *joiner) lexRow(ci int) map[int]float64 {
	if j.lexRows == nil {
		j.lexRows = make([]map[int]float64, len(j.out.Codes))
	}
	if j.lexRows[ci] == nil {
		j.lexRows[ci] = j.lex.row(j.text(ci))
	}
	return j.lexRows[ci]
}

// text returns the stemmed words of a code's own text, computed once.
func (j *joiner) text(ci int) []string {
	if j.texts == nil {
		j.texts = make([][]string, len(j.out.Codes))
		for i, c := range j.out.Codes {
			j.texts[i] = codeText(c)
		}
	}
	return j.texts[ci]
}

// alignmentOf describes the alignment's choice for code ci.
func (j *joiner) alignmentOf(ci int, ch alignChoice, chain []anchor) *model.Alignment {
	margin := ch.margin
	if math.IsInf(margin, 1) || margin > 1e6 {
		margin = 1e6
	}
	al := &model.Alignment{
		Name:       j.mainEnum[ch.pos],
		Position:   ch.pos,
		Confidence: math.Round(margin*100) / 100,
		Level:      level(margin),
		Words:      j.lex.score(j.text(ci), ch.pos).matched,
	}
	if ch.runnerUp >= 0 {
		al.RunnerUp = j.mainEnum[ch.runnerUp]
	}
	lo, hi := j.enclosing(ci, chain)
	if lo >= 0 {
		al.Before = j.out.Codes[chain[lo].code].Code
	}
	if hi >= 0 {
		al.After = j.out.Codes[chain[hi].code].Code
	}
	return al
}

// enclosing returns the indexes in chain of the anchors just below and
// just above code ci, -1 when there is none.
func (j *joiner) enclosing(ci int, chain []anchor) (lo, hi int) {
	lo, hi = -1, -1
	for k, an := range chain {
		if an.code < ci {
			lo = k
		}
		if an.code > ci && hi < 0 {
			hi = k
		}
	}
	return lo, hi
}

// bracketed reports whether the anchors around code ci agree exactly on
// its position: their steps in codes and in names are equal, and pos is
// the enclosing anchor's position plus the code's step.
func (j *joiner) bracketed(ci, pos int, chain []anchor) bool {
	lo, hi := j.enclosing(ci, chain)
	if lo < 0 || hi < 0 {
		return false
	}
	a, b := chain[lo], chain[hi]
	c1, c2, c := j.out.Codes[a.code].Code, j.out.Codes[b.code].Code, j.out.Codes[ci].Code
	return c2-c1 == b.pos-a.pos && pos == a.pos+c-c1
}
