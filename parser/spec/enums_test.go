package spec

import (
	"reflect"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/orcgen/orcgen/model"
)

// TestEnumsSmall covers merging (Item.ErrorCode and Other.errorCode hold the
// same values), the x-ms-enum name, the "<Schema><Property>" fallback, a
// nested inline property, a parameter, a recursive schema, and the enums
// that are skipped: an integer enum, an array of enums ("ErrorCodes") and a
// non-error enum ("Status").
func TestEnumsSmall(t *testing.T) {
	s, err := Load(readTestdata(t, "small-3.0.yaml"), Options{URI: "small-3.0.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	want := []model.Enum{
		{Name: "ItemErrorCode", Values: []string{"Alpha", "Beta"}, Sites: []model.EnumSite{
			{Schema: "Item", Property: "ErrorCode"},
			{Schema: "Other", Property: "errorCode"},
			{Schema: "parameter", Property: "lastErrorCode"},
		}},
		{Name: "ItemInnerErrorCode", Values: []string{"Gamma"}, Sites: []model.EnumSite{
			{Schema: "Item", Property: "InnerErrorCode"},
		}},
	}
	if !reflect.DeepEqual(s.Enums, want) {
		t.Errorf("enums =\n%+v\nwant\n%+v", s.Enums, want)
	}
}

func TestIsErrorCodeName(t *testing.T) {
	tests := map[string]bool{
		"ErrorCode": true, "errorCode": true, "LicenseErrorCode": true, "ERRORCODE": true,
		"ErrorCodes": false, "Error": false, "Code": false, "ErrorCodeText": false,
	}
	for name, want := range tests {
		if got := isErrorCodeName(name); got != want {
			t.Errorf("isErrorCodeName(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestEnumName(t *testing.T) {
	site := model.EnumSite{Schema: "LicenseResultDto", Property: "errorCode"}
	s, err := Load(readTestdata(t, "small-3.1.yaml"), Options{URI: "small-3.1.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	if s.Enums[0].Name != "ItemErrorCode" {
		t.Errorf("fallback name = %q, want ItemErrorCode", s.Enums[0].Name)
	}
	if got := enumName(site, &openapi3.Schema{}, nil); got != "LicenseResultDtoErrorCode" {
		t.Errorf("enumName without a schema = %q, want LicenseResultDtoErrorCode", got)
	}
}
