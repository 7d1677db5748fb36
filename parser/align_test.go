package parser

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/orcgen/orcgen/model"
)

// bruteScore scores one assignment (position per code, -1 for unnamed) the
// way the alignment defines it: lexical scores, the step between each
// named code and the previous named one (near when it is the code just
// before, or the one before that with the code between unnamed), farStep
// otherwise and for the first named code, skipCost per unnamed code.
func bruteScore(a *alignProblem, pos []int) float64 {
	s := 0.0
	last := -1
	for i, p := range pos {
		if p < 0 {
			s += a.unnamed(i)
			continue
		}
		l := a.local(i, p)
		if l == negInf {
			return negInf
		}
		s += l
		st := farStep
		if last >= 0 && (last == i-1 || last == i-2) {
			st = step(a.values[i]-a.values[last], p-pos[last])
		}
		s += st
		last = i
	}
	return s
}

// bruteChoices enumerates every monotone assignment and returns, per code,
// the best score with the code at each position and unnamed (index m).
func bruteChoices(a *alignProblem) [][]float64 {
	n, m := len(a.values), a.m
	best := make([][]float64, n)
	for i := range best {
		best[i] = make([]float64, m+1)
		for k := range best[i] {
			best[i][k] = negInf
		}
	}
	pos := make([]int, n)
	var rec func(i, last int)
	rec = func(i, last int) {
		if i == n {
			s := bruteScore(a, pos)
			for k, p := range pos {
				if p < 0 {
					p = m
				}
				best[k][p] = max(best[k][p], s)
			}
			return
		}
		pos[i] = -1
		rec(i+1, last)
		for p := last + 1; p < m; p++ {
			pos[i] = p
			rec(i+1, p)
		}
	}
	rec(0, -1)
	return best
}

// TestAlignMatchesBruteForce checks the forward and backward passes
// against every alignment of small random problems: each code's best
// position and margin.
func TestAlignMatchesBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 300 {
		n, m := 1+r.IntN(5), 1+r.IntN(7)
		a := &alignProblem{values: make([]int, n), m: m, lex: make([]map[int]float64, n),
			fixed: make([]int, n), skip: make([]bool, n), taken: make([]bool, m)}
		v := 1000
		for i := range n {
			v += 1 + r.IntN(3)
			if r.IntN(6) == 0 {
				v += maxNearStep
			}
			a.values[i], a.fixed[i] = v, -1
			a.lex[i] = map[int]float64{}
			for p := range m {
				if r.IntN(3) == 0 {
					a.lex[i][p] = float64(r.IntN(8))
				}
			}
			switch r.IntN(8) {
			case 0:
				a.fixed[i] = r.IntN(m)
			case 1:
				a.skip[i] = true
			}
		}
		if r.IntN(3) == 0 {
			a.taken[r.IntN(m)] = true
		}
		got := a.solve()
		want := bruteChoices(a)
		for i := range n {
			if a.fixed[i] >= 0 || a.skip[i] {
				continue
			}
			bestPos, best := -1, negInf
			for p := range m {
				if want[i][p] > best {
					best, bestPos = want[i][p], p
				}
			}
			if bestPos < 0 {
				if got[i].pos >= 0 && !math.IsInf(got[i].margin, -1) {
					t.Fatalf("round %d code %d: got position %d, brute force finds none", round, i, got[i].pos)
				}
				continue
			}
			alt := want[i][m]
			for p := range m {
				if p != bestPos {
					alt = max(alt, want[i][p])
				}
			}
			if math.Abs((best-alt)-got[i].margin) > 1e-9 {
				t.Fatalf("round %d code %d (%+v): margin %v, brute force %v (best %v at %d, alternative %v); got %+v",
					round, i, a, got[i].margin, best-alt, best, bestPos, alt, got[i])
			}
			if best-alt > 0 && got[i].pos != bestPos {
				t.Fatalf("round %d code %d: position %d, brute force %d", round, i, got[i].pos, bestPos)
			}
		}
	}
}

// TestAlignLimit: a segment whose codes times enum names exceed
// maxAlignCells is left unaligned, loudly, instead of taking the memory.
func TestAlignLimit(t *testing.T) {
	names := make([]string, 1100)
	for i := range names {
		names[i] = fmt.Sprintf("Name%dFailed", i)
	}
	var codes []model.Code
	for i := range 1000 {
		codes = append(codes, model.Code{Code: 1000 + i})
	}
	cat := mustJoin(t, testPage(codes...), testSpec(names...), JoinOptions{Extend: true})
	for _, c := range cat.Codes {
		if c.NameOrigin != model.OriginDerived || c.Alignment != nil {
			t.Fatalf("%d: %s/%s aligned past the limit", c.Code, c.Name, c.NameOrigin)
		}
	}
	if !hasDiag(cat, 0, "1000 codes left unaligned") {
		t.Errorf("no diagnostic for the unaligned codes: %v", cat.Diagnostics)
	}
}

// TestDeriveFromOwnTextOnly: a derived name comes from the code's own
// message or description, a list's introduction is no description, and a
// code with no text of its own is Code<number>, never its category.
func TestDeriveFromOwnTextOnly(t *testing.T) {
	for _, tc := range []struct {
		code model.Code
		want string
	}{
		{model.Code{Code: 1250, Description: "This error message is thrown in the following cases:"}, "Code1250"},
		{model.Code{Code: 1300, Category: "Conflict"}, "Code1300"},
		{model.Code{Code: 1001, Description: "An error message that is thrown if you try to create a resource with a name that already exists. This error is returned for the following endpoints:"},
			"CreateResourceWithNameThatAlready"},
		{model.Code{Code: 1680, Description: "This alert is generated when a job fails.", Category: "Jobs"}, "JobFails"},
		{model.Code{Code: 1917, Messages: []string{"There are not enough {0"}, Category: "License"}, "ThereNotEnough"},
	} {
		if got := deriveIdentifier(tc.code); got != tc.want {
			t.Errorf("%d: derived %q, want %q", tc.code.Code, got, tc.want)
		}
	}
}
