package ident

import "strings"

// Camel respells an existing CamelCase name (a JSON property such as
// "TraceId" or "ResourceIds") as an exported Go identifier, applying the
// initialism table to each word: "TraceID", "ResourceIDs". It returns "" when
// the result is not Valid, e.g. for a name holding characters other than
// ASCII letters and digits.
func Camel(name string) string {
	var b strings.Builder
	for _, w := range camelWords(name) {
		b.WriteString(capitalise(w))
	}
	if !Valid(b.String()) {
		return ""
	}
	return b.String()
}

// camelWords splits an ASCII name at lower-to-upper case changes; it returns
// nil when the name holds anything other than ASCII letters and digits.
func camelWords(name string) []string {
	var words []string
	start := 0
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !isASCIILetter(rune(c)) && (c < '0' || c > '9') {
			return nil
		}
		if i > start && c >= 'A' && c <= 'Z' && name[i-1] >= 'a' && name[i-1] <= 'z' {
			words = append(words, name[start:i])
			start = i
		}
	}
	if start < len(name) {
		words = append(words, name[start:])
	}
	return words
}
