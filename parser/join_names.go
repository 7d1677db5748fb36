package parser

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/orcgen/orcgen/model"
	"github.com/orcgen/orcgen/model/ident"
)

// anchor is one piece of evidence that a code carries a name of the main
// enum: the page states it, or a message spells it.
type anchor struct {
	code   int    // index into out.Codes
	pos    int    // the name's index in the main enum
	name   string // the symbolic name
	origin string // model.OriginPage or model.OriginMessage
	weight int    // how much the evidence counts when anchors disagree
}

// Anchor weights: a name the page states first outweighs one it lists
// later, which outweighs one read from a message.
const (
	weightFirstPageName = 3
	weightPageName      = 2
	weightMessage       = 1
)

// assignNames gives every code a unique Name and NameOrigin, in order of
// the strength of the evidence: consistent anchors, other page-stated names,
// names spelled by messages outside the main enum, the scored alignment of
// the rest with the main enum (bracketed or aligned), and finally
// identifiers derived from the code's own text.
func (j *joiner) assignNames() error {
	chain, claimed, claim := j.claimStated()
	j.claimAligned(chain, claimed, claim)
	j.deriveRest(claimed)
	j.setAliases(claimed)
	return j.checkNames()
}

// claimStated names the codes whose names the page states or a message
// spells. It returns the chain of anchors, the names claimed (name → index
// of the code holding it) and the function that claims a name.
func (j *joiner) claimStated() ([]anchor, map[string]int, func(int, string, string)) {
	codes := j.out.Codes
	claimed := map[string]int{}
	claim := func(ci int, name, origin string) {
		codes[ci].Name, codes[ci].NameOrigin = name, origin
		claimed[name] = ci
	}
	j.spelled = make([]string, len(codes))
	for ci, c := range codes {
		j.spelled[ci], _ = j.messageName(c)
	}
	anchors := j.anchors()
	chain := consistentChain(anchors)
	j.reportUnusedAnchors(anchors, chain)
	for _, a := range chain {
		claim(a.code, a.name, a.origin)
	}
	j.claimPageNames(claimed, claim)
	j.claimMessageNames(claimed, claim)
	return chain, claimed, claim
}

// anchors collects the evidence tying codes to positions in the main enum.
func (j *joiner) anchors() []anchor {
	var out []anchor
	for ci, c := range j.out.Codes {
		for k, n := range c.Names {
			if pos, ok := j.position[n]; ok {
				w := weightPageName
				if k == 0 {
					w = weightFirstPageName
				}
				out = append(out, anchor{code: ci, pos: pos, name: n, origin: model.OriginPage, weight: w})
			}
		}
		if n := j.spelled[ci]; n != "" {
			if pos, ok := j.position[n]; ok && !slices.Contains(c.Names, n) {
				out = append(out, anchor{code: ci, pos: pos, name: n, origin: model.OriginMessage, weight: weightMessage})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b anchor) int {
		if a.code != b.code {
			return a.code - b.code
		}
		return a.pos - b.pos
	})
	return out
}

// consistentChain picks the heaviest set of anchors whose codes and enum
// positions both strictly increase: the anchors that agree with each other.
// Anchors must be sorted by code, then position. Ties go to the earlier
// anchor, so the result is deterministic.
func consistentChain(anchors []anchor) []anchor {
	n := len(anchors)
	best := make([]int, n) // heaviest chain ending at i
	prev := make([]int, n)
	top := -1
	for i, a := range anchors {
		best[i], prev[i] = a.weight, -1
		for k := 0; k < i; k++ {
			b := anchors[k]
			if b.code < a.code && b.pos < a.pos && best[k]+a.weight > best[i] {
				best[i], prev[i] = best[k]+a.weight, k
			}
		}
		if top < 0 || best[i] > best[top] {
			top = i
		}
	}
	var chain []anchor
	for i := top; i >= 0; i = prev[i] {
		chain = append(chain, anchors[i])
	}
	slices.Reverse(chain)
	return chain
}

// reportUnusedAnchors tells about every anchor the chain left out.
func (j *joiner) reportUnusedAnchors(anchors, chain []anchor) {
	used := map[anchor]bool{}
	anchoredCode := map[int]bool{}
	holder := map[string]int{} // chain name → code index
	for _, a := range chain {
		used[a] = true
		anchoredCode[a.code] = true
		holder[a.name] = a.code
	}
	for _, a := range anchors {
		if used[a] {
			continue
		}
		code := j.out.Codes[a.code].Code
		if other, ok := holder[a.name]; ok {
			j.diag(model.SeverityWarning, code, "%s name %q (enum position %d) is also stated for code %d; the order of codes and names gives it to %d", a.origin, a.name, a.pos, j.out.Codes[other].Code, j.out.Codes[other].Code)
			continue
		}
		if anchoredCode[a.code] {
			j.diag(model.SeverityInfo, code, "%s name %q (enum position %d) is out of order with the code's neighbours: kept as an alias, not used as an anchor", a.origin, a.name, a.pos)
			continue
		}
		j.diag(model.SeverityWarning, code, "%s name %q (enum position %d) contradicts the order of the neighbouring codes' names: not used as an anchor", a.origin, a.name, a.pos)
	}
}

// claimPageNames names the codes the chain did not anchor after the first
// name the page states for them that no other code holds.
func (j *joiner) claimPageNames(claimed map[string]int, claim func(int, string, string)) {
	for ci, c := range j.out.Codes {
		if c.Name != "" {
			continue
		}
		for _, n := range c.Names {
			if other, taken := claimed[n]; taken {
				j.diag(model.SeverityWarning, c.Code, "the page states name %q for codes %d and %d; the order of codes and names gives it to %d", n, c.Code, j.out.Codes[other].Code, j.out.Codes[other].Code)
				continue
			}
			claim(ci, n, model.OriginPage)
			break
		}
	}
}

// claimMessageNames names codes whose messages spell exactly one spec name
// that has no place in the main enum (a name of another enum).
func (j *joiner) claimMessageNames(claimed map[string]int, claim func(int, string, string)) {
	for ci, c := range j.out.Codes {
		if c.Name != "" {
			continue
		}
		n := j.spelled[ci]
		if n == "" {
			continue
		}
		if _, inMain := j.position[n]; inMain {
			continue // an anchor the chain rejected: already reported
		}
		if other, taken := claimed[n]; taken {
			j.diag(model.SeverityWarning, c.Code, "message names %q, which already belongs to code %d: not used", n, j.out.Codes[other].Code)
			continue
		}
		claim(ci, n, model.OriginMessage)
	}
}

// deriveRest gives every code still unnamed an identifier made from its
// first message, its description or its category. Codes whose derived
// identifiers collide with each other or with a name already held all take
// their code as a suffix, so that the result does not depend on which code
// comes first.
func (j *joiner) deriveRest(claimed map[string]int) {
	byIdent := map[string][]int{}
	var order []string
	for ci, c := range j.out.Codes {
		if c.Name != "" {
			continue
		}
		id := deriveIdentifier(c)
		if _, seen := byIdent[id]; !seen {
			order = append(order, id)
		}
		byIdent[id] = append(byIdent[id], ci)
	}
	for _, id := range order {
		group := byIdent[id]
		_, taken := claimed[id]
		for _, ci := range group {
			name := id
			if taken || len(group) > 1 {
				name = fmt.Sprintf("%s%d", id, j.out.Codes[ci].Code)
			}
			j.out.Codes[ci].Name, j.out.Codes[ci].NameOrigin = name, model.OriginDerived
			claimed[name] = ci
		}
	}
}

// deriveIdentifier makes an identifier from the code's own text: its first
// message, else its description without the stock opening. A code with no
// text of its own is Code<number>: a category's words ("License",
// "Conflict") name a block of codes, not the code.
func deriveIdentifier(c model.Code) string {
	texts := append(slices.Clone(c.Messages), describedCase(c.Description))
	for _, t := range texts {
		if id := ident.Derive(t); id != "" {
			return id
		}
	}
	return fmt.Sprintf("Code%d", c.Code)
}

// leadIn matches the stock openings of the page's descriptions ("This error
// message is thrown if you try to", "This is an alert that is triggered
// when"), which say nothing about the error itself.
var leadIn = regexp.MustCompile(`(?i)^\s*(?:only displayed if [^.]*\.\s*)?(?:this|an?|the)?\s*(?:is\s+an?\s+)?(?:(?:error|message|alert)\s+)*(?:that\s+)?(?:is\s+)?(?:thrown|displayed|shown|returned|generated|triggered)\s+(?:if|when|in)\s+(?:you\s+(?:are\s+)?(?:trying\s+to\s+|try\s+to\s+)?)?(?:there\s+(?:is|are)\s+)?`)

// describedCase returns a description without its stock opening, so that
// an identifier derived from it names the case it describes: "This alert is
// generated when a job fails." gives "a job fails.".
func describedCase(description string) string {
	description = withoutListIntro(description)
	if rest := leadIn.ReplaceAllString(description, ""); strings.TrimSpace(rest) != "" {
		return rest
	}
	return description
}

// withoutListIntro drops a description's last sentence when it ends with a
// colon: it introduces a list ("This error is displayed in the following
// scenarios:") and says nothing about the error itself.
func withoutListIntro(description string) string {
	d := strings.TrimSpace(description)
	if !strings.HasSuffix(d, ":") {
		return description
	}
	if i := strings.LastIndexAny(strings.TrimSuffix(d, ":"), ".!?"); i >= 0 {
		return d[:i+1]
	}
	return ""
}

// setAliases lists, for each code, the page-stated names it does not use
// as Name and that no other code holds, and records every name's code in
// out.Names.
func (j *joiner) setAliases(claimed map[string]int) {
	for ci := range j.out.Codes {
		c := &j.out.Codes[ci]
		for _, n := range c.Names {
			if n == c.Name {
				continue
			}
			if holder, taken := claimed[n]; taken && holder != ci {
				continue
			}
			if _, known := j.nameIndex[n]; len(j.nameIndex) > 0 && !known {
				continue // with a spec, aliases are the spec's names
			}
			if !slices.Contains(c.Aliases, n) {
				c.Aliases = append(c.Aliases, n)
			}
		}
		j.recordName(c.Name, c.Code, c.NameOrigin)
		for _, a := range c.Aliases {
			j.recordName(a, c.Code, model.OriginPage)
		}
	}
}

// recordName notes in out.Names that a spec name belongs to a code.
func (j *joiner) recordName(name string, code int, origin string) {
	i, ok := j.nameIndex[name]
	if !ok || j.out.Names[i].Code != 0 {
		return
	}
	j.out.Names[i].Code, j.out.Names[i].Origin = code, origin
}

// checkNames makes sure every Name is a valid Go identifier and unique;
// names from the sources that are not identifiers ("0", "type") are
// replaced by derived ones that no other code holds, with a diagnostic.
func (j *joiner) checkNames() error {
	taken := map[string]bool{}
	for _, c := range j.out.Codes {
		if ident.Valid(c.Name) {
			taken[c.Name] = true
		}
	}
	for ci := range j.out.Codes {
		c := &j.out.Codes[ci]
		if ident.Valid(c.Name) {
			continue
		}
		base := ident.Derive(c.Name)
		if base == "" {
			base = fmt.Sprintf("Code%d", c.Code)
		}
		id := base
		if taken[id] {
			id = fmt.Sprintf("%s%d", base, c.Code)
		}
		for n := 2; taken[id]; n++ { // only when the sources hold both forms
			id = fmt.Sprintf("%s%dV%d", base, c.Code, n)
		}
		j.diag(model.SeverityWarning, c.Code, "name %q is not a valid Go identifier: using %q", c.Name, id)
		c.Name = id
		taken[id] = true
	}
	seen := map[string]int{}
	for _, c := range j.out.Codes {
		if other, dup := seen[c.Name]; dup {
			return fmt.Errorf("join: codes %d and %d both named %q", other, c.Code, c.Name)
		}
		seen[c.Name] = c.Code
	}
	return nil
}

// placeholder matches the placeholders of a message, including one cut off
// at the end ("{0").
var placeholder = regexp.MustCompile(`\[[^\]]*\]|\{[^}]*\}?`)

// stopWords are left out of a message when it is compared with names:
// "The password has expired." spells PasswordExpired.
var stopWords = map[string]bool{"the": true, "a": true, "an": true, "is": true, "are": true, "has": true, "have": true, "been": true, "was": true}

// messageName returns the one spec name the code's messages spell, when
// exactly one name matches: a message's words run together (with or
// without stop words) equal the name, case aside.
func (j *joiner) messageName(c model.Code) (string, bool) {
	if len(j.nameIndex) == 0 {
		return "", false
	}
	var found []string
	for _, m := range c.Messages {
		for _, key := range messageKeys(m) {
			for _, n := range j.namesByKey(key) {
				if !slices.Contains(found, n) {
					found = append(found, n)
				}
			}
		}
	}
	if len(found) != 1 {
		return "", false
	}
	return found[0], true
}

// namesByKey returns the spec names whose lower-case form equals key.
func (j *joiner) namesByKey(key string) []string {
	return j.byLower[key]
}

// sentenceEnd splits a message into sentences.
var sentenceEnd = regexp.MustCompile(`[.!?]+(\s+|$)`)

// messageKeys returns the lower-case run-together words of a message and of
// each of its sentences, with and without stop words: "Parameter [Name] is
// invalid. Value should be between 0 and 168." spells ParameterInvalid.
func messageKeys(msg string) []string {
	var keys []string
	for _, text := range append([]string{msg}, sentenceEnd.Split(msg, -1)...) {
		for _, k := range textKeys(text) {
			if !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
	}
	return keys
}

// textKeys returns the run-together words of one text, with and without
// stop words.
func textKeys(text string) []string {
	words := strings.FieldsFunc(placeholder.ReplaceAllString(text, " "), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) == 0 {
		return nil
	}
	var all, kept strings.Builder
	for _, w := range words {
		w = strings.ToLower(w)
		all.WriteString(w)
		if !stopWords[w] {
			kept.WriteString(w)
		}
	}
	if all.String() == kept.String() {
		return []string{all.String()}
	}
	return []string{all.String(), kept.String()}
}
