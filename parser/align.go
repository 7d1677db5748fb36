package parser

import "math"

// An alignment gives each code of the page (ascending) one position of the
// main enum or none, with positions increasing with the codes. Its score
// adds up, for every code:
//   - lexical evidence: how well the code's own text spells the name at its
//     position (lexicon.score), when it has one;
//   - structural evidence: for two neighbouring named codes, how well the
//     step between their codes matches the step between their positions
//     (step); a named code after an unnamed one, or after a far jump, counts
//     farStep;
//   - skipCost for every code left unnamed.
//
// Codes whose name is fixed (stated by the page or spelled by a message)
// take exactly that position; codes named outside the main enum take none.
//
// A forward and a backward pass give, for every code and position, the
// best score of an alignment that puts the code there, and the best score
// of one that leaves it unnamed. A code's confidence is the margin between
// its best choice and the best alignment that names it otherwise.
const (
	// exactStep rewards neighbouring codes whose code step equals their
	// name step: 1003 → 1004 and #6 → #7.
	exactStep = 3.0
	// stepSlope is what each name of difference between the code step and
	// the name step costs: a name added later between two codes.
	stepSlope = 2.0
	// farStep is the structural score of a jump between unrelated
	// positions, the floor of step.
	farStep = -1.0
	// skipCost is the score of leaving a code unnamed.
	skipCost = 0.0
)

// stepWindow is the largest difference between code step and name step
// that scores above farStep.
const stepWindow = int((exactStep - farStep) / stepSlope)

// maxNearStep is the largest code step within a block of codes: the page
// skips a code or two inside a block (1853, 1855), while the next block
// starts at the next round number (1018 → 1050) and an equal step in names
// across blocks is a coincidence.
const maxNearStep = 9

// step is the structural score of two neighbouring named codes whose codes
// differ by d and whose positions differ by g.
func step(d, g int) float64 {
	if d > maxNearStep {
		return farStep
	}
	diff := d - g
	if diff < 0 {
		diff = -diff
	}
	return max(farStep, exactStep-stepSlope*float64(diff))
}

var negInf = math.Inf(-1)

// alignProblem is one alignment to solve.
type alignProblem struct {
	// values are the codes, ascending.
	values []int
	// m is the number of enum positions.
	m int
	// lex[i] maps a position to the lexical score of code i there; a
	// missing position scores 0. When lexOf is set, it gives the rows
	// instead, asked only for the codes of segments that are solved.
	lex   []map[int]float64
	lexOf func(i int) map[int]float64
	// fixed[i] is the position code i must take, or -1.
	fixed []int
	// skip[i] reports that code i must stay unnamed (it is named outside
	// the main enum).
	skip []bool
	// taken reports the positions no free code may take (names held by
	// fixed codes, or stated for other codes).
	taken []bool
	// unaligned counts, after solve, the free codes left without a
	// position because their segment exceeds maxAlignCells.
	unaligned int
}

// alignChoice is the outcome for one code.
type alignChoice struct {
	// pos is the best position for the code, -1 when no position is
	// allowed.
	pos int
	// margin is the best score with the code at pos minus the best score
	// with the code elsewhere or unnamed (the confidence).
	margin float64
	// runnerUp is the position of the best alignment naming the code
	// otherwise, -1 when that alignment leaves it unnamed.
	runnerUp int
}

// local returns the lexical score of code i at position p, -Inf where the
// code may not go.
func (a *alignProblem) local(i, p int) float64 {
	if a.skip[i] {
		return negInf
	}
	if f := a.fixed[i]; f >= 0 {
		if p == f {
			return 0
		}
		return negInf
	}
	if a.taken[p] {
		return negInf
	}
	return a.lex[i][p]
}

// unnamed returns the score of leaving code i unnamed.
func (a *alignProblem) unnamed(i int) float64 {
	if a.fixed[i] >= 0 {
		return negInf
	}
	return skipCost
}

// maxAlignCells bounds one segment of the alignment: its codes times its
// enum positions. The passes keep about 48 bytes a cell, so a segment stays
// under 50 MB; a larger one is left unaligned (see alignProblem.unaligned).
const maxAlignCells = 1 << 20

// solve returns each code's choice. Fixed codes split the problem: no step
// crosses a fixed code, so the codes between two of them are aligned alone,
// within the positions between theirs. Fixed positions that do not
// increase with the codes leave every code without a position.
func (a *alignProblem) solve() []alignChoice {
	n := len(a.values)
	out := make([]alignChoice, n)
	for i := range out {
		out[i] = alignChoice{pos: -1, runnerUp: -1, margin: negInf}
	}
	a.unaligned = 0
	var fixed []int
	for i, f := range a.fixed {
		if f < 0 {
			continue
		}
		if f >= a.m || len(fixed) > 0 && f <= a.fixed[fixed[len(fixed)-1]] {
			return out
		}
		fixed = append(fixed, i)
	}
	if n == 0 || a.m == 0 {
		return out
	}
	bounds := append(append([]int{-1}, fixed...), n)
	for k := 1; k < len(bounds); k++ {
		s, e := max(bounds[k-1], 0), min(bounds[k], n-1)
		lo, hi := 0, a.m-1
		if bounds[k-1] >= 0 {
			lo = a.fixed[bounds[k-1]]
		}
		if bounds[k] < n {
			hi = a.fixed[bounds[k]]
		}
		if (e-s+1)*(hi-lo+1) > maxAlignCells {
			for i := s; i <= e; i++ {
				if a.fixed[i] < 0 && !a.skip[i] {
					a.unaligned++
				}
			}
			continue
		}
		for i, ch := range a.segment(s, e, lo, hi).solveDense() {
			if ch.pos >= 0 && a.fixed[s+i] < 0 {
				ch.pos += lo
				if ch.runnerUp >= 0 {
					ch.runnerUp += lo
				}
				out[s+i] = ch
			}
		}
	}
	return out
}

// segment returns the problem of codes s..e alone, positions lo..hi
// renumbered from 0.
func (a *alignProblem) segment(s, e, lo, hi int) *alignProblem {
	sub := &alignProblem{
		values: a.values[s : e+1],
		m:      hi - lo + 1,
		lex:    make([]map[int]float64, e-s+1),
		fixed:  make([]int, e-s+1),
		skip:   a.skip[s : e+1],
		taken:  a.taken[lo : hi+1],
	}
	for i := s; i <= e; i++ {
		sub.fixed[i-s] = -1
		if a.fixed[i] >= 0 {
			sub.fixed[i-s] = a.fixed[i] - lo
		}
		full := a.lexOf
		if full == nil {
			full = func(i int) map[int]float64 { return a.lex[i] }
		}
		row := map[int]float64{}
		for p, v := range full(i) {
			if p >= lo && p <= hi {
				row[p-lo] = v
			}
		}
		sub.lex[i-s] = row
	}
	return sub
}

// solveDense runs both passes over every code and position and returns each
// code's choice.
func (a *alignProblem) solveDense() []alignChoice {
	n, m := len(a.values), a.m
	out := make([]alignChoice, n)
	// A code sits strictly between the positions of the fixed codes around
	// it: outside that range it may not go.
	lo, hi := make([]int, n), make([]int, n)
	for i, last := 0, -1; i < n; i++ {
		lo[i] = last + 1
		if a.fixed[i] >= 0 {
			last = a.fixed[i]
		}
	}
	for i, next := n-1, m; i >= 0; i-- {
		hi[i] = next - 1
		if a.fixed[i] >= 0 {
			next = a.fixed[i]
		}
	}
	loc := make([][]float64, n)
	for i := range loc {
		loc[i] = make([]float64, m)
		for p := range loc[i] {
			if p < lo[i] || p > hi[i] {
				loc[i][p] = negInf
				continue
			}
			loc[i][p] = a.local(i, p)
		}
	}
	fa, fu := a.forward(loc)
	ba, bu := a.backward(loc)
	for i := range n {
		best, bestPos := negInf, -1
		for p := range m {
			if s := fa[i][p] + ba[i][p]; s > best {
				best, bestPos = s, p
			}
		}
		alt, altPos := a.unnamedTotal(i, loc, fa, fu, ba, bu), -1
		for p := range m {
			if s := fa[i][p] + ba[i][p]; p != bestPos && s > alt {
				alt, altPos = s, p
			}
		}
		out[i] = alignChoice{pos: bestPos, runnerUp: altPos, margin: best - alt}
		if bestPos < 0 {
			out[i].margin = math.Inf(-1)
		}
	}
	return out
}

// forward returns fa[i][p], the best score of codes 0..i with code i at p,
// and fu[i][p+1], the best score of codes 0..i whose last named code sits at
// a position ≤ p (fu[i][0]: none named).
func (a *alignProblem) forward(loc [][]float64) (fa, fu [][]float64) {
	n, m := len(a.values), a.m
	fa, fu = make([][]float64, n), make([][]float64, n)
	for i := range n {
		fa[i], fu[i] = make([]float64, m), make([]float64, m+1)
		for p := range m {
			if loc[i][p] == negInf {
				fa[i][p] = negInf
				continue
			}
			best := farStep // nothing named before
			if i > 0 {
				best = max(farStep+a.prefixUnnamed(fu, i-1, p), a.nearInto(fa, i, i-1, p, 0))
				if i > 1 {
					best = max(best, a.nearInto(fa, i, i-2, p, a.unnamed(i-1)))
				}
			}
			fa[i][p] = loc[i][p] + best
		}
		start := a.unnamed(0)
		if i > 0 {
			start = fu[i-1][0] + a.unnamed(i)
		}
		fu[i][0] = start
		for p := range m {
			v := fa[i][p]
			if i > 0 {
				v = max(v, fu[i-1][p+1]+a.unnamed(i))
			}
			fu[i][p+1] = max(fu[i][p], v)
		}
	}
	return fa, fu
}

// prefixUnnamed is fu[i][p]: the best score of codes 0..i whose last named
// code sits before p (or none is named).
func (a *alignProblem) prefixUnnamed(fu [][]float64, i, p int) float64 {
	return fu[i][p]
}

// nearInto is the best score of code i at p coming straight from code k
// (k < i, the codes between unnamed at cost between), by a step near the
// code step.
func (a *alignProblem) nearInto(fa [][]float64, i, k, p int, between float64) float64 {
	if between == negInf {
		return negInf
	}
	d := a.values[i] - a.values[k]
	best := negInf
	if d > maxNearStep {
		return best // a far step, counted from fu
	}
	for g := max(1, d-stepWindow); g <= d+stepWindow && g <= p; g++ {
		if v := fa[k][p-g]; v > negInf {
			best = max(best, v+step(d, g)+between)
		}
	}
	return best
}

// backward returns ba[i][p], the best score of codes i+1.. given code i at
// p, and bu[i][p+1], the best score of codes i+1.. whose first named code
// sits after p, reached by a far step (bu[i][0]: after position -1).
func (a *alignProblem) backward(loc [][]float64) (ba, bu [][]float64) {
	n, m := len(a.values), a.m
	ba, bu = make([][]float64, n), make([][]float64, n)
	// after[i][p] = max over q > p of loc[i][q] + ba[i][q]: code i named
	// after position p, with what follows it.
	after := make([][]float64, n)
	for i := n - 1; i >= 0; i-- {
		ba[i], bu[i], after[i] = make([]float64, m), make([]float64, m+1), make([]float64, m+1)
		for p := -1; p < m; p++ {
			v := 0.0 // the end: nothing after i
			if i+1 < n {
				v = max(bu[i+1][p+1]+a.unnamed(i+1), farStep+after[i+1][p+1])
			}
			bu[i][p+1] = v
		}
		for p := range m {
			if loc[i][p] == negInf {
				ba[i][p] = negInf
				continue
			}
			best := bu[i][p+1]
			if i+1 < n {
				best = max(best, a.nearFrom(loc, ba, i, i+1, p, 0))
			}
			if i+2 < n {
				best = max(best, a.nearFrom(loc, ba, i, i+2, p, a.unnamed(i+1)))
			}
			ba[i][p] = best
		}
		after[i][m] = negInf
		for p := m - 2; p >= -1; p-- {
			v := negInf
			if p+1 < m && loc[i][p+1] > negInf {
				v = loc[i][p+1] + ba[i][p+1]
			}
			after[i][p+1] = max(after[i][p+2], v)
		}
	}
	return ba, bu
}

// nearFrom is the best score of what follows code i at p when code k
// (k > i, the codes between unnamed at cost between) is named next by a
// step near the code step.
func (a *alignProblem) nearFrom(loc, ba [][]float64, i, k, p int, between float64) float64 {
	if between == negInf {
		return negInf
	}
	d := a.values[k] - a.values[i]
	best := negInf
	if d > maxNearStep {
		return best // a far step, counted from bu
	}
	for g := max(1, d-stepWindow); g <= d+stepWindow && p+g < a.m; g++ {
		if l := loc[k][p+g]; l > negInf && ba[k][p+g] > negInf {
			best = max(best, l+ba[k][p+g]+step(d, g)+between)
		}
	}
	return best
}

// unnamedTotal is the best score of an alignment leaving code i unnamed.
func (a *alignProblem) unnamedTotal(i int, loc, fa, fu, ba, bu [][]float64) float64 {
	u := a.unnamed(i)
	if u == negInf {
		return negInf
	}
	best := negInf
	// Far: the prefix's last named code before the suffix's first.
	for p := -1; p < a.m; p++ {
		pre := 0.0
		if i > 0 {
			pre = fu[i-1][p+1]
		}
		// fu is a running maximum over positions ≤ p, and bu[i][p+1] needs
		// the suffix's first named code after p: every pair is covered.
		best = max(best, pre+u+bu[i][p+1])
	}
	// Near: code i-1 straight to code i+1.
	if i > 0 && i+1 < len(a.values) {
		for p := range a.m {
			if fa[i-1][p] > negInf {
				best = max(best, fa[i-1][p]+u+a.nearFrom(loc, ba, i-1, i+1, p, 0))
			}
		}
	}
	return best
}
