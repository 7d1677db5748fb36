package markdown

import "strings"

// Message escapes a message like Text and marks its placeholders ("[Name]",
// "{0}" for the params "Name" and "0") as code spans.
func Message(msg string, params []string) string {
	msg = strings.ReplaceAll(strings.ReplaceAll(msg, "\r\n", "\n"), "\r", "\n")
	lead, body, trail := splitBlanks(msg)
	var b strings.Builder
	b.WriteString(blankRefs(lead))
	first := true
	for body != "" {
		i, ph := nextPlaceholder(body, params)
		text := body[:i]
		if text != "" {
			if first {
				b.WriteString(escapeBlockStart(text))
			} else {
				b.WriteString(escapeInline(text))
			}
		}
		first = false
		if ph == "" {
			break
		}
		b.WriteString(CodeSpan(ph))
		body = body[i+len(ph):]
	}
	b.WriteString(blankRefs(trail))
	return b.String()
}

// nextPlaceholder finds the first placeholder of params in s, the longest
// at that position; it returns len(s) and "" when there is none.
func nextPlaceholder(s string, params []string) (int, string) {
	at, found := len(s), ""
	for _, p := range params {
		if p == "" || strings.Contains(p, "\n") {
			continue
		}
		for _, ph := range []string{"[" + p + "]", "{" + p + "}"} {
			i := strings.Index(s, ph)
			if i >= 0 && (i < at || i == at && len(ph) > len(found)) {
				at, found = i, ph
			}
		}
	}
	return at, found
}
