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
	// leadingNamesRE matches bare names before a message in one line, as
	// the older layout writes them ("ProcessNotFound , PackageNotFound . The
	// associated process no longer exists."): the list must end with a
	// separator, so that a message opening with a CamelCase word stays whole.
	leadingNamesRE = regexp.MustCompile(`^(` + identifier + `(?:\s*[;,]\s*` + identifier + `)*)(\s*)[;,.]\s+(\S.*)$`)
)

// textCell is what the Text cell of a row states.
type textCell struct {
	names    []string
	messages []string
}

// parseTextCell reads the names and messages of a Text cell. A line is
// names when it starts with <code> spans holding names (the rest of the
// line is a message), when it holds only names and separators, or when it
// opens with bare names closed by a separator (the older layout); any other
// line is one message, its punctuation kept.
func parseTextCell(lines []line) textCell {
	tc := textCell{names: []string{}, messages: []string{}}
	for _, l := range lines {
		names, rest := leadingCodeNames(l)
		if len(names) == 0 && namesLineRE.MatchString(rest) {
			names, rest = nameRE.FindAllString(rest, -1), ""
		}
		if len(names) == 0 {
			names, rest = leadingBareNames(rest)
		}
		tc.names = append(tc.names, names...)
		if rest != "" {
			tc.messages = append(tc.messages, rest)
		}
	}
	return tc
}

// leadingBareNames splits a line of the older layout into the bare names
// that open it and the message after them. It takes the names only when
// they are several, or when a space stands before the separator closing
// them (the layout's stray space): "PathTooLong. The path..." could be a
// message.
func leadingBareNames(text string) (names []string, rest string) {
	m := leadingNamesRE.FindStringSubmatch(text)
	if m == nil {
		return nil, text
	}
	names = nameRE.FindAllString(m[1], -1)
	if len(names) < 2 && m[2] == "" {
		return nil, text
	}
	return names, m[3]
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
