package ident

// latin1 transliterates U+00C0..U+00FF; '-' marks a non-letter.
const latin1 = "AAAAAAACEEEEIIIIDNOOOOO-OUUUUYTsaaaaaaaceeeeiiiidnooooo-ouuuuyty"

// latinExtA transliterates U+0100..U+017F.
const latinExtA = "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiIiJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs"

// fold returns the ASCII transliteration of a Latin letter with a
// diacritic, or "" for a letter it cannot transliterate.
func fold(r rune) string {
	switch r {
	case 'Æ':
		return "AE"
	case 'æ':
		return "ae"
	case 'Þ':
		return "TH"
	case 'þ':
		return "th"
	case 'ß':
		return "ss"
	case 'Ĳ':
		return "IJ"
	case 'ĳ':
		return "ij"
	case 'Œ':
		return "OE"
	case 'œ':
		return "oe"
	case 'Ș', 'Ş':
		return "S"
	case 'ș', 'ş':
		return "s"
	case 'Ț', 'Ţ':
		return "T"
	case 'ț', 'ţ':
		return "t"
	}
	switch {
	case r >= 0xC0 && r <= 0xFF && latin1[r-0xC0] != '-':
		return latin1[r-0xC0 : r-0xC0+1]
	case r >= 0x100 && r <= 0x17F:
		return latinExtA[r-0x100 : r-0x100+1]
	}
	return ""
}
