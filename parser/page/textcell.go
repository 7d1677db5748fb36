package page

import (
	"regexp"
	"strings"
)

// identifier matches one symbolic error name: an upper-case camel-case word
// of at least two humps ("ItemNotFound", "PathTooLong").
const identifier = `[A-Z][a-z0-9]+(?:[A-Z][A-Za-z0-9]*)+`

var (
	// identifierRE matches a whole symbolic name.
	identifierRE = regexp.MustCompile(`^` + identifier + `$`)
	// namesLineRE matches a line made only of names separated by ";" or ",",
	// with stray spaces and an optional final separator or ".".
	namesLineRE = regexp.MustCompile(`^` + identifier + `(?:\s*[;,]\s*` + identifier + `)*\s*[;,.]?$`)
	// nameRE finds each name in a line namesLineRE matched.
	nameRE = regexp.MustCompile(identifier)
)

// textCell is what the Text cell of a row states.
type textCell struct {
	names    []string
	messages []string
}

// parseTextCell reads the names and messages of a Text cell. A line is
// names when it starts with <code> spans holding names (the rest of the
// line is a message) or when it holds only names and separators; any other
// line is one message, its punctuation kept.
func parseTextCell(lines []line) textCell {
	tc := textCell{names: []string{}, messages: []string{}}
	for _, l := range lines {
		names, rest := leadingCodeNames(l)
		if len(names) == 0 && namesLineRE.MatchString(rest) {
			names, rest = nameRE.FindAllString(rest, -1), ""
		}
		tc.names = append(tc.names, names...)
		if rest != "" {
			tc.messages = append(tc.messages, rest)
		}
	}
	return tc
}

// leadingCodeNames takes the names in <code> spans at the start of l and
// returns them with the folded text that follows, separators dropped.
func leadingCodeNames(l line) (names []string, rest string) {
	i := 0
	for ; i < len(l.segs); i++ {
		s := l.segs[i]
		t := fold(s.text)
		switch {
		case s.code && identifierRE.MatchString(t):
			names = append(names, t)
			continue
		case !s.code && len(names) > 0 && strings.Trim(t, ";,") == "":
			continue
		}
		break
	}
	if len(names) == 0 {
		return nil, l.text()
	}
	return names, trimSeparator(line{segs: l.segs[i:]}.text())
}

// trimSeparator drops a ";", "," or "." that ends a list of names from the
// start of the message that follows it.
func trimSeparator(s string) string {
	if len(s) > 0 && strings.ContainsRune(";,.", rune(s[0])) && (len(s) == 1 || s[1] == ' ') {
		return strings.TrimSpace(s[1:])
	}
	return s
}

// placeholders returns the placeholders of the messages ("Name" of
// "[Name]", "0" of "{0}") in order of first appearance, each once, and the
// cut-off ones: an opening bracket or brace never closed in its message.
func placeholders(messages []string) (params, cut []string) {
	params = []string{}
	seen := map[string]bool{}
	for _, m := range messages {
		for i := 0; i < len(m); i++ {
			var closer byte
			switch m[i] {
			case '[':
				closer = ']'
			case '{':
				closer = '}'
			default:
				continue
			}
			end := strings.IndexByte(m[i+1:], closer)
			if end < 0 {
				cut = append(cut, m[i:])
				break
			}
			p := m[i+1 : i+1+end]
			if p != "" && !seen[p] {
				seen[p] = true
				params = append(params, p)
			}
			i += end + 1
		}
	}
	return params, cut
}
