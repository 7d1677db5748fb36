package markdown

import (
	"slices"
	"testing"

	"github.com/orcgen/orcgen/model"
)

func TestCategoriesOrder(t *testing.T) {
	got := categories([]model.Code{
		{Code: 1000, Name: "A", Category: "Robots"},
		{Code: 1001, Name: "B"},
		{Code: 1002, Name: "C", Category: "License"},
		{Code: 1003, Name: "D", Category: "Robots"},
	})
	var names []string
	for _, c := range got {
		names = append(names, c.Name)
	}
	if want := []string{"License", "Robots", "Uncategorized"}; !slices.Equal(names, want) {
		t.Errorf("categories = %v, want %v", names, want)
	}
	if want := []string{"[1000](#code-1000) A", "[1003](#code-1003) D"}; !slices.Equal(got[1].Codes, want) {
		t.Errorf("Robots codes = %v, want %v", got[1].Codes, want)
	}
}

func TestEndpointsIndex(t *testing.T) {
	got := endpoints([]model.Code{
		{Code: 1001, Endpoints: []model.Endpoint{
			{Methods: []string{"POST", "PUT"}, Path: "/odata/Robots", OperationIDs: []string{"Robots_Post", "Robots_Put"}},
			{Methods: []string{"POST"}, Path: "/odata/Assets"},
		}},
		{Code: 1004, Endpoints: []model.Endpoint{{Methods: []string{"POST"}, Path: "/odata/Robots", OperationIDs: []string{"Robots_Post"}}}},
	})
	want := []EndpointView{
		{Endpoint: "POST /odata/Assets", Codes: "[1001](#code-1001)"},
		{Endpoint: "POST /odata/Robots", Operation: `Robots\_Post`, Codes: "[1001](#code-1001), [1004](#code-1004)"},
		{Endpoint: "PUT /odata/Robots", Operation: `Robots\_Put`, Codes: "[1001](#code-1001)"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("endpoints =\n%q\nwant\n%q", got, want)
	}
}

func TestCodeViewOrigin(t *testing.T) {
	v := codeView(model.Code{Code: 1208, Name: "X", NameOrigin: model.OriginBracketed, HTTPStatus: 409})
	if v.Origin != "the spec's enum order between two known names" || v.HTTP != "409" || v.Anchor != "code-1208" {
		t.Errorf("codeView = %+v", v)
	}
}
