package markdown

import "testing"

func TestText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Invalid request!", `Invalid request\!`},
		{"A | B", `A \| B`},
		{"<script>x</script>", `\<script\>x\</script\>`},
		{"*a* _b_ `c` ~d~ [e](f) &amp; #g", "\\*a\\* \\_b\\_ \\`c\\` \\~d\\~ \\[e\\](f) \\&amp; \\#g"},
		{`back\slash`, `back\\slash`},
		{"one\ntwo\r\nthree", "one<br>two<br>three"},
		{"1. item", `1\. item`},
		{"12) item", `12\) item`},
		{"2024 was fine.", "2024 was fine."},
		{"- dash", `\- dash`},
		{"+ plus", `\+ plus`},
		{"=== rule", `\=== rule`},
		{"> quote", `\> quote`},
		{"  padded\t", "&#32;&#32;padded&#9;"},
		{"red \x1b[31m bell \x07", "red &#x1B;\\[31m bell &#x7;"},
		{"abc\u202edef", "abc&#x202E;def"},
		{"", ""},
	} {
		if got := Text(tc.in); got != tc.want {
			t.Errorf("Text(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCell(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"20.0", "20.0"},
		{"- x | y", `- x \| y`},
		{"a\nb", "a<br>b"},
	} {
		if got := Cell(tc.in); got != tc.want {
			t.Errorf("Cell(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCodeSpan(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Assets_Post", "`Assets_Post`"},
		{"/odata/X`Y", "``/odata/X`Y``"},
		{"a``b", "```a``b```"},
		{"esc\x1b[0m", "`esc\ufffd[0m`"},
		{"`edge", "`` `edge ``"},
		{"two\nlines", "`two lines`"},
	} {
		if got := CodeSpan(tc.in); got != tc.want {
			t.Errorf("CodeSpan(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestMessage(t *testing.T) {
	for _, tc := range []struct {
		msg    string
		params []string
		want   string
	}{
		{"The name [CustomNameYouAdded] is already used.", []string{"CustomNameYouAdded"}, "The name `[CustomNameYouAdded]` is already used."},
		{"Package [PackageName] version [VersionNumber]!", []string{"PackageName", "VersionNumber"}, "Package `[PackageName]` version `[VersionNumber]`\\!"},
		{"{0} robots; {0} left", []string{"0"}, "`{0}` robots; `{0}` left"},
		{"1. [X] first", []string{"X"}, "1\\. `[X]` first"},
		{"There are not enough {0", []string{"0"}, "There are not enough {0"},
		{"[Bad`Param] here", []string{"Bad`Param"}, "``[Bad`Param]`` here"},
		{"No [Unlisted] param", nil, `No \[Unlisted\] param`},
	} {
		if got := Message(tc.msg, tc.params); got != tc.want {
			t.Errorf("Message(%q) = %q, want %q", tc.msg, got, tc.want)
		}
	}
}
