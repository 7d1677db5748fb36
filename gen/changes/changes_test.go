package changes

import (
	"reflect"
	"testing"

	"github.com/orcgen/orcgen/model"
)

func catalogs() (old, new *model.Catalog) {
	old = &model.Catalog{
		Codes: []model.Code{
			{Code: 1000, Name: "TenantNotFound", Messages: []string{"Tenant not found."}},
			{Code: 1001, Name: "RobotOffline", Messages: []string{"Robot is offline."}, HTTPStatus: 409},
			{Code: 1002, Name: "Gone", Messages: []string{"Gone."}},
		},
		Names: []model.Name{{Name: "TenantNotFound"}, {Name: "OldName"}},
	}
	new = &model.Catalog{
		Codes: []model.Code{
			{Code: 1000, Name: "TenantMissing", Messages: []string{"Tenant not found."}},
			{Code: 1001, Name: "RobotOffline", Messages: []string{"Robot is offline.", "Retry later."}, Category: "Robots"},
			{Code: 1003, Name: "QueueFull", Messages: []string{"Queue is full."}},
		},
		Names: []model.Name{{Name: "TenantNotFound"}, {Name: "QueueFull"}, {Name: "AssetLocked"}},
	}
	return old, new
}

func TestCompare(t *testing.T) {
	got := Compare(catalogs())
	want := &Changes{
		Added:   []CodeRef{{Code: 1003, Name: "QueueFull", Message: "Queue is full."}},
		Removed: []CodeRef{{Code: 1002, Name: "Gone", Message: "Gone."}},
		Renamed: []Rename{{Code: 1000, Old: "TenantNotFound", New: "TenantMissing"}},
		Edited: []Edit{
			{Code: 1001, Field: FieldMessages, Old: "Robot is offline.", New: "Robot is offline.\nRetry later."},
			{Code: 1001, Field: FieldCategory, Old: "", New: "Robots"},
			{Code: 1001, Field: FieldHTTPStatus, Old: "409", New: ""},
		},
		NamesAdded:   []string{"AssetLocked", "QueueFull"},
		NamesRemoved: []string{"OldName"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Compare =\n%+v\nwant\n%+v", got, want)
	}
	if s := got.Summary(); s != "1 code added, 1 code removed, 1 code renamed, 3 fields changed, 2 names added, 1 name removed" {
		t.Errorf("Summary = %q", s)
	}
}

func TestCompareSame(t *testing.T) {
	old, _ := catalogs()
	c := Compare(old, old)
	if !c.Empty() || c.Summary() != "no catalog changes" {
		t.Errorf("Compare(same) = %+v", c)
	}
	if got := string(c.Markdown()); got != "## Error catalog changes\n\nNo changes.\n" {
		t.Errorf("Markdown = %q", got)
	}
}

func TestCompareNil(t *testing.T) {
	_, new := catalogs()
	c := Compare(nil, new)
	if len(c.Added) != 3 || len(c.NamesAdded) != 3 || len(c.Removed) != 0 {
		t.Errorf("Compare(nil, new) = %+v", c)
	}
}

func TestCompareEndpointsAndStatedNames(t *testing.T) {
	old := &model.Catalog{Codes: []model.Code{{Code: 1661, Name: "ProcessNotFound", Names: []string{"ProcessNotFound"},
		Endpoints: []model.Endpoint{{Methods: []string{"GET", "POST"}, Path: "/odata/Processes"}}}}}
	new := &model.Catalog{Codes: []model.Code{{Code: 1661, Name: "ProcessNotFound", Names: []string{"ProcessNotFound", "PackageNotFound"},
		Endpoints: []model.Endpoint{{Methods: []string{"GET"}, Path: "/odata/Processes"}, {Path: "/odata/Releases"}}}}}
	want := []Edit{
		{Code: 1661, Field: FieldNames, Old: "ProcessNotFound", New: "ProcessNotFound\nPackageNotFound"},
		{Code: 1661, Field: FieldEndpoints, Old: "GET /odata/Processes\nPOST /odata/Processes", New: "GET /odata/Processes\n/odata/Releases"},
	}
	if got := Compare(old, new).Edited; !reflect.DeepEqual(got, want) {
		t.Errorf("Edited =\n%+v\nwant\n%+v", got, want)
	}
}
