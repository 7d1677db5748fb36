package spec

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/orcgen/orcgen/internal/testenv"
	"github.com/orcgen/orcgen/model"
)

// TestEnumsOpenAPI31 reads the enum forms of OpenAPI 3.1 (the hostile case
// spec-31-enums): null among the values, anyOf with {type: 'null'}, oneOf
// of consts, a lone const; x-ms-enum on a parameter and on an array
// parameter's items; UTF-8 property names and values. The JSON form gives
// the same enums.
func TestEnumsOpenAPI31(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(testenv.Root(), "testdata", "hostile", "spec-31-enums", "spec.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	site := func(schema, prop string) []model.EnumSite { return []model.EnumSite{{Schema: schema, Property: prop}} }
	want := []model.Enum{
		{Name: "AnyOfErrorCode", Values: []string{"GammaFailed", "DeltaFailed"}, Sites: site("AnyOf", "ErrorCode")},
		{Name: "ConstsErrorCode", Values: []string{"EpsilonFailed", "ZetaFailed"}, Sites: site("Consts", "ErrorCode")},
		{Name: "NamesErrorCode", Values: []string{"ÜnïcödéFailed", "名前Failed"}, Sites: site("Names", "errorCode")},
		{Name: "NullableErrorCode", Values: []string{"AlphaFailed", "BetaFailed"}, Sites: site("Nullable", "ErrorCode")},
		{Name: "SingleÉtatErrorCode", Values: []string{"EtaFailed"}, Sites: site("Single", "ÉtatErrorCode")},
		{Name: "QueryErrorCode", Values: []string{"QueryFailed", "QueryRefused"}, Sites: site("parameter", "errorCode")},
		{Name: "FilterErrorCode", Values: []string{"FilterFailed", "FilterRefused"}, Sites: site("parameter", "filterErrorCode")},
	}
	for form, in := range map[string][]byte{"yaml": data, "json": yamlToJSON(t, data)} {
		s, err := Load(in, Options{URI: "spec." + form})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(s.Enums, want) {
			t.Errorf("%s: enums =\n%+v\nwant\n%+v", form, s.Enums, want)
		}
	}
}
