package ident

import "testing"

func TestCamel(t *testing.T) {
	tests := []struct{ in, want string }{
		{"TraceId", "TraceID"},
		{"ResourceIds", "ResourceIDs"},
		{"ErrorCode", "ErrorCode"},
		{"message", "Message"},
		{"httpStatusUrl", "HTTPStatusURL"},
		{"Trace-Id", ""},
		{"x`y", ""},
		{"", ""},
		{"2Fast", ""},
	}
	for _, tt := range tests {
		if got := Camel(tt.in); got != tt.want {
			t.Errorf("Camel(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
