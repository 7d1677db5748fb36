package ident

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDerive(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Tenant not found.", "TenantNotFound"},
		{"The name [CustomNameYouAdded] is already used.", "NameAlreadyUsed"},
		{"Robot Licensing Failed. There are no available licenses on the server.", "RobotLicensingFailed"},
		{"Processes/Packages/Jobs", "ProcessesPackagesJobs"},
		{"Authorization, Users, Roles", "AuthorizationUsersRoles"},
		{"Cannot update the Username, Machine or Type of a busy Robot!", "CannotUpdateUsernameMachineOrType"},
		{"Invalid license key. The machine key is linked to another machine!", "InvalidLicenseKey"},
		{"There are not enough {0", "ThereNotEnough"},
		{"Busy robots cannot be modified or deleted.", "BusyRobotsCannotBeModified"},
		{"Third-party components", "ThirdPartyComponents"},
		{"Código inválido", "CodigoInvalido"},
		{"日本語", ""},
		{"123 go", "N123Go"},
		{"type", "Type"},
		{"nil", "Nil"},
		{"", ""},
		{"Invalid request!", "InvalidRequest"},
		{"Invalid OData query options.", "InvalidODataQueryOptions"},
		{"Invalid argument [ArgumentName].", "InvalidArgument"},
		{"Robot id is not a valid url for the json api over http", "RobotIDNotValidURL"},
		{"Conflict (409)", "Conflict"},
		{"Queue/Queue item", "QueueQueueItem"},
		{"Can't delete the robot's session.", "CantDeleteRobotsSession"},
		{"Ro\u200bbot \u202eevil\u202c", "RobotEvil"},
		{"Łódź straße Œuvre", "LodzStrasseOEuvre"},
		{"[OnlyAPlaceholder]. Second sentence here.", "SecondSentenceHere"},
		{"Version {0} of package [Package Name] was deleted", "VersionOfPackageDeleted"},
		{"*/ //go:generate rm -rf /", "GoGenerateRmRf"},
		{"Ошибка Error", "Error"},
		{"...", ""},
		{strings.Repeat("x", 100), "X" + strings.Repeat("x", 59)},
	}
	for _, tt := range tests {
		if got := Derive(tt.in); got != tt.want {
			t.Errorf("Derive(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestValid(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"ItemNotFound", true},
		{"Código", true},
		{"X日本語", true},
		{"日本語", false},
		{"itemNotFound", false},
		{"type", false},
		{"nil", false},
		{"_X", false},
		{"1X", false},
		{"", false},
		{"Item-Found", false},
	}
	for _, tt := range tests {
		if got := Valid(tt.in); got != tt.want {
			t.Errorf("Valid(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestFoldTables(t *testing.T) {
	if len(latin1) != 0x100-0xC0 || len(latinExtA) != 0x180-0x100 {
		t.Fatalf("table lengths %d, %d", len(latin1), len(latinExtA))
	}
	for r, want := range map[rune]string{'À': "A", 'ÿ': "y", 'ž': "z", 'Ł': "L", 'ő': "o", 'ſ': "s", '×': "", 'Я': "", 'ß': "ss"} {
		if got := fold(r); got != want {
			t.Errorf("fold(%q) = %q, want %q", r, got, want)
		}
	}
}

func TestInitialismOverrides(t *testing.T) {
	for in, want := range map[string]string{"Id": "ID", "Url": "URL", "Http": "HTTP", "Api": "API", "Json": "JSON", "ids": "IDs", "odata": "OData"} {
		if got := Derive(in); got != want {
			t.Errorf("Derive(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzDerive(f *testing.F) {
	for _, s := range []string{"Tenant not found.", "The name [X] is already used.", "日本語", "123 go", "{0", "[", "Ĳssel", "\xff\x00a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Derive(s)
		if got != "" && !Valid(got) {
			t.Fatalf("Derive(%q) = %q, not a valid exported identifier", s, got)
		}
		if len(got) > MaxLen || !utf8.ValidString(got) {
			t.Fatalf("Derive(%q) = %q: too long or invalid UTF-8", s, got)
		}
		for _, r := range got {
			if r >= utf8.RuneSelf {
				t.Fatalf("Derive(%q) = %q: not ASCII", s, got)
			}
		}
	})
}
