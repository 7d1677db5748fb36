package page

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/orcgen/orcgen/model"
)

// Limits of a category label: a Description cell holding one line of at
// most maxLabelWords words and maxLabelRunes characters, with no sentence
// punctuation at its end, is a label ("Robots", "Authorization, Users,
// Roles"), not prose.
const (
	maxLabelWords = 6
	maxLabelRunes = 48
)

// statusLabelRE matches a label with an HTTP status: "Conflict (409)".
var statusLabelRE = regexp.MustCompile(`^(.*\S)\s*\(([1-5][0-9][0-9])\)$`)

// descCell is what the Description cell of a row states.
type descCell struct {
	description string
	category    string
	httpStatus  int
	endpoints   []model.Endpoint
	problems    []string // defects, for diagnostics
}

// parseDescCell reads a Description cell: its prose, or its category label
// (with an HTTP status), and its endpoints: those named in the prose first,
// then those of its list items, as the page puts the list after the prose.
func parseDescCell(lines []line) descCell {
	d := descCell{endpoints: []model.Endpoint{}}
	var prose []string
	var items []model.Endpoint
	for _, l := range lines {
		if !l.item {
			prose = append(prose, l.text())
			continue
		}
		ep, err := ParseEndpointItem(l.text())
		if err != nil {
			d.problems = append(d.problems, err.Error())
			prose = append(prose, l.text())
			continue
		}
		items = append(items, ep)
	}
	text := strings.Join(prose, " ")
	if len(prose) == 1 && len(items) == 0 && isLabel(text) {
		d.category, d.httpStatus = splitLabel(text)
		return d
	}
	d.description = text
	inline, problems := inlineEndpoints(text)
	d.endpoints = append(append(d.endpoints, inline...), items...)
	d.problems = append(d.problems, problems...)
	if strings.Count(text, "`")%2 != 0 {
		d.problems = append(d.problems, "description has an unbalanced backquote")
	}
	return d
}

// isLabel reports whether s reads as a category label rather than prose.
func isLabel(s string) bool {
	if s == "" || utf8.RuneCountInString(s) > maxLabelRunes || len(strings.Fields(s)) > maxLabelWords {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune(".:;!?`", r) && !strings.HasPrefix(s, "/")
}

// splitLabel splits "Conflict (409)" into its category and HTTP status.
func splitLabel(s string) (string, int) {
	m := statusLabelRE.FindStringSubmatch(s)
	if m == nil {
		return s, 0
	}
	status, _ := strconv.Atoi(m[2])
	return m[1], status
}

// inlineEndpoints finds endpoints named in prose: a run of HTTP methods
// ("a POST, PUT, or PATCH request to the /odata/Users endpoint") followed,
// within a few words and in the same sentence, by one or more paths joined
// by connectors. A cut-off path is reported, not returned.
func inlineEndpoints(text string) ([]model.Endpoint, []string) {
	var eps []model.Endpoint
	var problems []string
	words := strings.Fields(text)
	for i := 0; i < len(words); i++ {
		ms, next := methodRun(words, i)
		if len(ms) == 0 {
			continue
		}
		paths, end := pathRun(words, next)
		for _, p := range paths {
			clean, err := cleanPath(p)
			if err != nil {
				problems = append(problems, fmt.Sprintf("inline endpoint %s: %v", strings.Join(ms, ", "), err))
				continue
			}
			eps = append(eps, model.Endpoint{Methods: ms, Path: clean})
		}
		i = max(next, end) - 1
	}
	return eps, problems
}

// methodRun returns the HTTP methods of the run starting at words[i] and
// the index after it; no methods when words[i] is not one.
func methodRun(words []string, i int) ([]string, int) {
	var ms []string
	j := i
	for ; j < len(words); j++ {
		w := strings.TrimRight(words[j], ",")
		switch {
		case isMethod(w):
			ms = append(ms, w)
			continue
		case len(ms) > 0 && isConnector(w) && j+1 < len(words) && isMethod(strings.TrimRight(words[j+1], ",")):
			continue
		}
		break
	}
	return ms, j
}

// maxPathGap is how many words may stand between a run of methods and the
// path they apply to ("request to the").
const maxPathGap = 4

// pathRun finds the paths that follow a run of methods ending at words[i]:
// the first word starting with "/" (or "`/") within maxPathGap words, and
// those joined to it by connectors. It stops at the end of a sentence.
func pathRun(words []string, i int) ([]string, int) {
	for gap := 0; gap <= maxPathGap && i < len(words); gap, i = gap+1, i+1 {
		w := words[i]
		if isPathWord(w) {
			return morePaths(words, i)
		}
		if isMethod(strings.TrimRight(w, ",")) || endsSentence(w) {
			break
		}
	}
	return nil, i
}

// morePaths collects the path at words[i] and those joined to it by
// connectors ("/a or /b"), returning them and the index after the last.
func morePaths(words []string, i int) ([]string, int) {
	paths := []string{words[i]}
	i++
	for i+1 < len(words) && !endsSentence(words[i-1]) && isConnector(words[i]) && isPathWord(words[i+1]) {
		paths = append(paths, words[i+1])
		i += 2
	}
	return paths, i
}

// isPathWord reports whether w starts a path: "/..." or "`/...".
func isPathWord(w string) bool {
	return strings.HasPrefix(w, "/") || strings.HasPrefix(w, "`/")
}

// endsSentence reports whether w ends a sentence.
func endsSentence(w string) bool {
	return strings.HasSuffix(w, ".") || strings.HasSuffix(w, "!") || strings.HasSuffix(w, "?")
}
