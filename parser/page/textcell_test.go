package page

import (
	"reflect"
	"testing"
)

// TestParseTextCell checks how names and messages are told apart.
func TestParseTextCell(t *testing.T) {
	tests := []struct {
		frag     string
		names    []string
		messages []string
	}{
		{"<p><code>NameAlreadyUsed</code> The name [CustomNameYouAdded] is already used.</p>",
			[]string{"NameAlreadyUsed"}, []string{"The name [CustomNameYouAdded] is already used."}},
		{"<p>MachineLicenseCannotChange ;</p><p>InvalidNonProductionMachineSlots ;</p><p>InvalidUnattendedMachineSlots .</p>",
			[]string{"MachineLicenseCannotChange", "InvalidNonProductionMachineSlots", "InvalidUnattendedMachineSlots"}, []string{}},
		{"ProcessNotFound ,<br>PackageNotFound .<br>The associated process no longer exists.",
			[]string{"ProcessNotFound", "PackageNotFound"}, []string{"The associated process no longer exists."}},
		{"<code>A1Name</code>; <code>BetaName</code>. Message.", []string{"A1Name", "BetaName"}, []string{"Message."}},
		{"PathTooLong", []string{"PathTooLong"}, []string{}},
		{"<p>NameAlreadyUsed</p><p>The name [X] is already used.</p>", []string{"NameAlreadyUsed"}, []string{"The name [X] is already used."}},
		{"Change Password", []string{}, []string{"Change Password"}},
		{"Robots", []string{}, []string{"Robots"}},
		{"<code>not a name</code> text", []string{}, []string{"not a name text"}},
		{"Invalid request!<p>Invalid username/email address or password.</p>Invalid OData query options.",
			[]string{}, []string{"Invalid request!", "Invalid username/email address or password.", "Invalid OData query options."}},
		{"", []string{}, []string{}},
	}
	for _, tt := range tests {
		got := parseTextCell(linesOf(t, tt.frag))
		if !reflect.DeepEqual(got.names, tt.names) || !reflect.DeepEqual(got.messages, tt.messages) {
			t.Errorf("parseTextCell(%q) = %q %q, want %q %q", tt.frag, got.names, got.messages, tt.names, tt.messages)
		}
	}
}

// TestPlaceholders checks params in order, each once, and cut-off ones.
func TestPlaceholders(t *testing.T) {
	tests := []struct {
		messages    []string
		params, cut []string
	}{
		{[]string{"The job's package [PackageName], version [VersionNumber] could not be found."}, []string{"PackageName", "VersionNumber"}, nil},
		{[]string{"There are not enough {0"}, []string{}, []string{"{0"}},
		{[]string{"{0} of {1}", "again {0} and [Name]"}, []string{"0", "1", "Name"}, nil},
		{[]string{"The name [CustomName youAdged] is already used."}, []string{"CustomName youAdged"}, nil},
		{[]string{"empty [] brackets", "open [Name and {x}"}, []string{}, []string{"[Name and {x}"}},
		{nil, []string{}, nil},
	}
	for _, tt := range tests {
		params, cut := placeholders(tt.messages)
		if !reflect.DeepEqual(params, tt.params) || !reflect.DeepEqual(cut, tt.cut) {
			t.Errorf("placeholders(%q) = %q %q, want %q %q", tt.messages, params, cut, tt.params, tt.cut)
		}
	}
}
