package changes

import (
	"slices"
	"unicode"
)

// NameRename is a spec name that left and a spec name that arrived which
// are the same name but for one word (ServerlessRobotJobTypeInvalid →
// ServerlessJobTypeInvalid).
type NameRename struct {
	// Old is the name only the old catalog holds.
	Old string `json:"old"`
	// New is the name only the new catalog holds.
	New string `json:"new"`
}

// pairRenames finds the renames among the names removed and added: a
// removed name and an added name whose words differ by one word inserted,
// deleted or replaced, when each is the other's only such match. It returns
// the renames in the order of the old names and what is left of both lists.
func pairRenames(removed, added []string) (renames []NameRename, restRemoved, restAdded []string) {
	split := map[string][]string{}
	for _, n := range slices.Concat(removed, added) {
		split[n] = words(n)
	}
	matches := func(name string, among []string) []string {
		var out []string
		for _, other := range among {
			if oneWordApart(split[name], split[other]) {
				out = append(out, other)
			}
		}
		return out
	}
	paired := map[string]bool{}
	for _, old := range removed {
		cand := matches(old, added)
		if len(cand) != 1 {
			continue
		}
		if back := matches(cand[0], removed); len(back) != 1 {
			continue
		}
		renames = append(renames, NameRename{Old: old, New: cand[0]})
		paired[old], paired[cand[0]] = true, true
	}
	keep := func(s string) bool { return !paired[s] }
	return renames, filter(removed, keep), filter(added, keep)
}

// filter returns the elements of s that keep accepts; nil when none.
func filter(s []string, keep func(string) bool) []string {
	var out []string
	for _, v := range s {
		if keep(v) {
			out = append(out, v)
		}
	}
	return out
}

// words splits a CamelCase name into its words: a new word starts at an
// upper-case letter after a lower-case letter or a digit, at the last
// capital of a run of capitals followed by a lower-case letter ("IXPProject"
// is "IXP", "Project"), and at a digit after a letter.
func words(name string) []string {
	r := []rune(name)
	var out []string
	start := 0
	for i := 1; i < len(r); i++ {
		prev, cur := r[i-1], r[i]
		boundary := unicode.IsUpper(cur) && (unicode.IsLower(prev) || unicode.IsDigit(prev)) ||
			unicode.IsUpper(prev) && unicode.IsUpper(cur) && i+1 < len(r) && unicode.IsLower(r[i+1]) ||
			unicode.IsDigit(cur) && unicode.IsLetter(prev)
		if boundary {
			out = append(out, string(r[start:i]))
			start = i
		}
	}
	if start < len(r) {
		out = append(out, string(r[start:]))
	}
	return out
}

// oneWordApart reports whether b is a with exactly one word inserted,
// deleted or replaced, and at least two words are left in common, so that
// two one-word names never count as a rename.
func oneWordApart(a, b []string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if common := len(a) - (1 - (len(b) - len(a))); common < 2 {
		return false
	}
	prefix := 0
	for prefix < len(a) && a[prefix] == b[prefix] {
		prefix++
	}
	switch len(b) - len(a) {
	case 0: // one word replaced
		return prefix < len(a) && slices.Equal(a[prefix+1:], b[prefix+1:])
	case 1: // one word inserted into a
		return slices.Equal(a[prefix:], b[prefix+1:])
	}
	return false
}
