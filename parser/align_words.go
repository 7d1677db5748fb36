package parser

import (
	"math"
	"strings"
	"unicode"

	"github.com/orcgen/orcgen/model"
)

// lexicon holds the words of the main enum's names and how rare each word
// is among them, for scoring a code's text against every name.
type lexicon struct {
	// words are each name's stemmed words, in name order, indexed by enum
	// position.
	words [][]string
	// raw are each name's words as spelled in the name, for explanations.
	raw [][]string
	// idf weighs a stemmed word by its rarity among the names: ln(m/df).
	idf map[string]float64
	// byWord lists the enum positions whose names hold a stemmed word.
	byWord map[string][]int
}

// newLexicon splits every name of the main enum into words.
func newLexicon(names []string) *lexicon {
	lx := &lexicon{
		words:  make([][]string, len(names)),
		raw:    make([][]string, len(names)),
		idf:    map[string]float64{},
		byWord: map[string][]int{},
	}
	for p, n := range names {
		raw := nameWords(n)
		lx.raw[p] = raw
		seen := map[string]bool{}
		for _, w := range raw {
			s := stem(strings.ToLower(w))
			lx.words[p] = append(lx.words[p], s)
			if !seen[s] {
				seen[s] = true
				lx.byWord[s] = append(lx.byWord[s], p)
			}
		}
	}
	m := float64(len(names))
	for w, ps := range lx.byWord {
		lx.idf[w] = math.Log(m / float64(len(ps)))
		if functionWords[w] {
			lx.idf[w] *= functionWeight
		}
	}
	return lx
}

// functionWords say nothing about an error on their own; they count for
// functionWeight of their rarity.
var functionWords = map[string]bool{"a": true, "an": true, "the": true, "for": true, "with": true, "to": true,
	"of": true, "in": true, "on": true, "by": true, "and": true, "or": true, "is": true, "are": true, "be": true,
	"has": true, "ha": true, "have": true, "hav": true, "from": true, "at": true, "it": true, "this": true}

// functionWeight is the share of its rarity a function word counts for.
const functionWeight = 0.25

// nameWords splits a CamelCase name into its words: "InvalidODataRequest"
// gives Invalid, O, Data, Request; digits stay with the word before them.
func nameWords(name string) []string {
	var words []string
	rs := []rune(name)
	start := 0
	for i := 1; i < len(rs); i++ {
		prev, cur := rs[i-1], rs[i]
		split := unicode.IsUpper(cur) && (unicode.IsLower(prev) ||
			(unicode.IsUpper(prev) || unicode.IsDigit(prev)) && i+1 < len(rs) && unicode.IsLower(rs[i+1]))
		if !unicode.IsLetter(cur) && !unicode.IsDigit(cur) || !unicode.IsLetter(prev) && !unicode.IsDigit(prev) {
			split = true
		}
		if split {
			if w := strings.Trim(string(rs[start:i]), "_-"); w != "" {
				words = append(words, w)
			}
			start = i
		}
	}
	if w := strings.Trim(string(rs[start:]), "_-"); w != "" {
		words = append(words, w)
	}
	return words
}

// textWords returns the stemmed lower-case words of a text, placeholders
// left out, with "n't" read as "not".
func textWords(text string) []string {
	text = placeholder.ReplaceAllString(text, " ")
	text = strings.NewReplacer("n't", " not", "N'T", " NOT", "’", "'").Replace(text)
	fields := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	out := make([]string, 0, len(fields))
	for _, f := range fields {
		out = append(out, stem(strings.ToLower(f)))
	}
	return out
}

// codeText is the text of a code's own that can name it: its messages and
// its description without the stock opening. The category is left out: it
// is shared by a whole block of codes and names none of them.
func codeText(c model.Code) []string {
	var words []string
	for _, m := range c.Messages {
		words = append(words, textWords(m)...)
	}
	if c.Description != "" {
		words = append(words, textWords(describedCase(c.Description))...)
	}
	return words
}

// stemSuffixes are cut from the end of a word, longest first, so that
// "disconnects", "disconnected" and "disconnect" compare equal.
var stemSuffixes = []string{"ations", "ation", "ables", "able", "ings", "ing", "ies", "ied", "ed", "es", "s", "e", "y"}

// stem reduces a lower-case word to a crude stem: a few inflections cut,
// never below three letters.
func stem(w string) string {
	for _, s := range stemSuffixes {
		if strings.HasSuffix(w, s) && len(w)-len(s) >= 3 {
			w = w[:len(w)-len(s)]
			break
		}
	}
	if n := len(w); n >= 4 && w[n-1] == w[n-2] { // "cancelled", "running", "access"
		w = w[:n-1]
	}
	return w
}

// lexMatch is the lexical evidence tying a code's text to one name.
type lexMatch struct {
	score float64
	// matched are the name's words (as spelled in the name) found in the
	// text, in name order.
	matched []string
}

// score rates how well the words of a code's text spell the name at
// position p: the rarity of the name's words found in the text, the words
// found in the text's order counting in full and the others by half, scaled
// by the share of the name's rarity the text covers. A name none of whose
// words occur scores 0.
func (lx *lexicon) score(text []string, p int) lexMatch {
	return lx.scoreAt(occurrences(text), p)
}

// occurrences maps each word of a text to its indexes there, ascending.
func occurrences(text []string) map[string][]int {
	occ := make(map[string][]int, len(text))
	for i, w := range text {
		occ[w] = append(occ[w], i)
	}
	return occ
}

// scoreAt is score with the text given by its occurrences.
func (lx *lexicon) scoreAt(occ map[string][]int, p int) lexMatch {
	return lx.match(occ, p, true)
}

// match scores the text given by its occurrences against name p, listing
// the name's words it matched when withWords is set (explanations need
// them; the alignment's rows need the score alone).
func (lx *lexicon) match(occ map[string][]int, p int, withWords bool) lexMatch {
	words := lx.words[p]
	if len(occ) == 0 || len(words) == 0 {
		return lexMatch{}
	}
	var total, inOrder, loose float64
	var matched []string
	at := 0 // position in text after the last in-order match
	for k, w := range words {
		idf := lx.idf[w]
		total += idf
		idx := occ[w]
		if len(idx) == 0 {
			continue
		}
		if withWords {
			matched = append(matched, lx.raw[p][k])
		}
		if i := firstFrom(idx, at); i >= 0 {
			inOrder += idf
			at = i + 1
		} else {
			loose += idf
		}
	}
	found := inOrder + loose/2
	if found == 0 || total == 0 {
		return lexMatch{}
	}
	return lexMatch{score: found * found / total, matched: matched}
}

// firstFrom returns the first index in idx at or after from, or -1.
func firstFrom(idx []int, from int) int {
	for _, i := range idx {
		if i >= from {
			return i
		}
	}
	return -1
}

// candidates returns the enum positions whose names share a word with the
// text, each once.
func (lx *lexicon) candidates(occ map[string][]int) []int {
	seen := map[int]bool{}
	var out []int
	for w := range occ {
		for _, p := range lx.byWord[w] {
			if !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	return out
}

// row returns the lexical scores of a text against every name it shares a
// word with; names it shares none with score 0 and are left out.
func (lx *lexicon) row(text []string) map[int]float64 {
	row := map[int]float64{}
	occ := occurrences(text)
	for _, p := range lx.candidates(occ) {
		if s := lx.match(occ, p, false).score; s > 0 {
			row[p] = s
		}
	}
	return row
}
