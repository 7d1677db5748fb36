package ident

import (
	"go/token"
	"go/types"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxWords is the largest number of significant words Derive keeps.
const MaxWords = 6

// MaxLen is the largest length in bytes of an identifier made by Derive.
const MaxLen = 60

// Derive makes an exported, idiomatic Go identifier (UpperCamelCase) from
// free text such as a message, a description or a category label. It returns
// "" when the text holds no usable letter. The rules, applied in order:
//
//   - placeholders are dropped: "[Name]", "{0}", and an unclosed "[" or "{"
//     up to the end of its word ("There are not enough {0"); so are
//     parenthesised asides ("Conflict (409)" is Conflict);
//   - only the first sentence that yields a word is used; a sentence ends at
//     '.', '!' or '?' followed by a space or the end of the text, or at a
//     line break;
//   - words are runs of letters and digits; apostrophes and zero-width or
//     other format characters inside a word are dropped, every other
//     character separates words ("Third-party" is Third Party);
//   - the output is ASCII: Latin letters with diacritics are transliterated
//     ("Código" is Codigo, "ß" is ss), other letters (CJK, Cyrillic, Greek)
//     are dropped, so "日本語" yields "";
//   - the articles a, an, the and the copulas is, are, was, were are dropped
//     ("The name [X] is already used." is NameAlreadyUsed);
//   - at most MaxWords words are kept, then trailing stop words (and, or, of,
//     to, for, ...) are trimmed;
//   - each word is capitalised, keeping the case of its other letters
//     ("OData", "QueueItems"), and initialisms follow Go convention through
//     an explicit table (Id is ID, Url is URL, Json is JSON, ...);
//   - an identifier that would start with a digit gets the prefix "N"
//     ("123 go" is N123Go);
//   - words are added while the identifier stays within MaxLen bytes; a
//     longer first word is cut.
//
// Keywords and predeclared names are all lower case, so a capitalised word
// ("Type", "Nil") never is one.
func Derive(text string) string {
	text = dropPlaceholders(text)
	for _, sentence := range sentences(text) {
		words := significant(splitWords(sentence))
		if len(words) > 0 {
			return join(words)
		}
	}
	return ""
}

// Valid reports whether s is a valid exported Go identifier that is neither a
// keyword nor a predeclared name.
func Valid(s string) bool {
	return token.IsIdentifier(s) && token.IsExported(s) && types.Universe.Lookup(s) == nil
}

// dropPlaceholders removes "[...]" and "{...}" spans, and "(...)" asides. An opening bracket
// without its closing one on the same word removes the rest of the word.
func dropPlaceholders(text string) string {
	var b strings.Builder
	for i := 0; i < len(text); {
		c := text[i]
		if c != '[' && c != '{' && c != '(' {
			b.WriteByte(c)
			i++
			continue
		}
		i = placeholderEnd(text, i)
		b.WriteByte(' ')
	}
	return b.String()
}

// placeholderEnd returns the index just past the placeholder opening at i:
// past its closing bracket, or at the first space or line break when it is
// not closed there.
func placeholderEnd(text string, i int) int {
	closer := map[byte]byte{'[': ']', '{': '}', '(': ')'}[text[i]]
	for j := i + 1; j < len(text); j++ {
		switch text[j] {
		case closer:
			return j + 1
		case ' ', '\t', '\n', '\r':
			if !strings.ContainsRune(text[j:min(len(text), j+80)], rune(closer)) {
				return j
			}
		}
	}
	return len(text)
}

// sentences splits text at sentence ends and line breaks.
func sentences(text string) []string {
	var out []string
	start := 0
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n', '\r':
		case '.', '!', '?':
			if i+1 < len(text) && !isSpace(text[i+1]) {
				continue
			}
		default:
			continue
		}
		out = append(out, text[start:i])
		start = i + 1
	}
	return append(out, text[start:])
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// splitWords returns the ASCII words of s, transliterated.
func splitWords(s string) []string {
	var words []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			words = append(words, cur.String())
			cur.Reset()
		}
	}
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r < utf8.RuneSelf && (isASCIILetter(r) || r >= '0' && r <= '9'):
			cur.WriteRune(r)
		case r == '\'' || r == '’' || unicode.Is(unicode.Cf, r):
			// Inside a word: dropped without splitting it.
		case unicode.IsLetter(r):
			if f := fold(r); f != "" {
				cur.WriteString(f)
			} else {
				flush()
			}
		default:
			flush()
		}
	}
	flush()
	return words
}

func isASCIILetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// significant drops articles and copulas, keeps at most MaxWords words and
// trims trailing stop words.
func significant(words []string) []string {
	var out []string
	for _, w := range words {
		if len(out) == MaxWords {
			break
		}
		if !isFiller(strings.ToLower(w)) {
			out = append(out, w)
		}
	}
	for len(out) > 0 && isStopWord(strings.ToLower(out[len(out)-1])) {
		out = out[:len(out)-1]
	}
	return out
}

// isFiller reports whether a lower-case word is dropped wherever it stands.
func isFiller(w string) bool {
	switch w {
	case "a", "an", "the", "is", "are", "was", "were":
		return true
	}
	return false
}

// isStopWord reports whether a lower-case word is trimmed from the end.
func isStopWord(w string) bool {
	switch w {
	case "and", "or", "nor", "of", "to", "for", "in", "on", "at", "by", "with",
		"from", "into", "as", "than", "that", "this", "be", "been", "but", "if":
		return true
	}
	return false
}

// join capitalises the words and concatenates them within MaxLen bytes.
func join(words []string) string {
	var b strings.Builder
	for i, w := range words {
		w = capitalise(w)
		if i == 0 && w[0] >= '0' && w[0] <= '9' {
			w = "N" + w
		}
		if b.Len()+len(w) > MaxLen {
			if i == 0 {
				b.WriteString(w[:MaxLen])
			}
			break
		}
		b.WriteString(w)
	}
	return b.String()
}

// capitalise returns the Go spelling of an ASCII word: an initialism from
// the override table, or the word with its first letter upper-cased.
func capitalise(w string) string {
	if s, ok := initialism(strings.ToLower(w)); ok {
		return s
	}
	return strings.ToUpper(w[:1]) + w[1:]
}
