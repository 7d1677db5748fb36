package spec

import (
	"testing"
)

func TestDetectKind(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"openapi yaml", "openapi: 3.0.1\ninfo: {}\n", kindOpenAPI3},
		{"openapi yaml quoted", "'openapi': \"3.1.0\" # comment\n", kindOpenAPI3},
		{"swagger yaml", "info: {}\nswagger: '2.0'\n", kindSwagger2},
		{"swagger json, key last", `{"info": {"swagger": "x"}, "paths": {}, "swagger": "2.0"}`, kindSwagger2},
		{"openapi json with BOM", "\xef\xbb\xbf {\"openapi\": \"3.0.3\"}", kindOpenAPI3},
		{"snapshot", `{"orcgenSpecSnapshot": 1, "source": {}}`, kindSnapshot},
		{"nested key only", "info:\n  openapi: 3.0.1\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := detectKind([]byte(tt.data))
			if tt.want == "" {
				if err != errNotSpec {
					t.Errorf("detectKind = %q, %v; want errNotSpec", got, err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("detectKind = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}
