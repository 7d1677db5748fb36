package orcerr

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"
)

func TestCodeMethods(t *testing.T) {
	if got := ItemNotFound.String(); got != "ItemNotFound" {
		t.Errorf("String() = %q", got)
	}
	if got := Code(42).String(); got != "Code(42)" {
		t.Errorf("Code(42).String() = %q", got)
	}
	if got := ItemNotFound.Error(); got != "orchestrator error 1002 (ItemNotFound): Robot does not exist." {
		t.Errorf("Error() = %q", got)
	}
	if got := Code(42).Error(); got != "orchestrator error 42" {
		t.Errorf("Code(42).Error() = %q", got)
	}
	if got := NameAlreadyUsed.Message(); got != "The name [CustomNameYouAdded] is already used." {
		t.Errorf("Message() = %q", got)
	}
	want := []string{"Invalid request!", "Invalid username/email address or password.", "Invalid OData query options."}
	if got := Code(1000).Messages(); !slices.Equal(got, want) {
		t.Errorf("Messages() = %q", got)
	}
	if got := Code(1000).Category(); got != "Generic" {
		t.Errorf("Category() = %q", got)
	}
	if got, cat := Code(1300).HTTPStatus(), Code(1300).Category(); got != 409 || cat != "Conflict" {
		t.Errorf("1300: HTTPStatus() = %d, Category() = %q", got, cat)
	}
	if !strings.Contains(ItemNotFound.Description(), "does not exist in the database") {
		t.Errorf("Description() = %q", ItemNotFound.Description())
	}
	if Code(42).Documented() || !StringProtectFailed.Documented() {
		t.Error("Documented() wrong")
	}
	if Code(42).Message() != "" || Code(42).Messages() != nil || Code(42).Endpoints() != nil || Code(42).HTTPStatus() != 0 {
		t.Error("undocumented code has data")
	}
}

func TestMessagesAndEndpointsAreCopies(t *testing.T) {
	m := Code(1000).Messages()
	m[0] = "changed"
	if Code(1000).Message() != "Invalid request!" {
		t.Error("Messages() shares its table")
	}
	for _, c := range All() {
		if eps := c.Endpoints(); len(eps) > 0 {
			eps[0] = "changed"
			if c.Endpoints()[0] == "changed" {
				t.Errorf("%v: Endpoints() shares its table", c)
			}
		}
	}
}

func TestLookupByNameAll(t *testing.T) {
	if c, ok := Lookup(1002); !ok || c != ItemNotFound {
		t.Errorf("Lookup(1002) = %v, %v", c, ok)
	}
	for _, n := range []int{42, 0, -1, 1 << 40} {
		if _, ok := Lookup(n); ok {
			t.Errorf("Lookup(%d) found", n)
		}
	}
	for name, want := range map[string]Code{"ItemNotFound": 1002, "ProcessNotFound": 1661, "PackageNotFound": 1677, "NameAlreadyUsed": 1001} {
		if c, ok := ByName(name); !ok || c != want {
			t.Errorf("ByName(%q) = %v, %v", name, c, ok)
		}
	}
	if _, ok := ByName("NoSuchName"); ok {
		t.Error("ByName(NoSuchName) found")
	}
	all := All()
	if !slices.IsSorted(all) || !slices.Contains(all, ItemNotFound) || slices.Contains(all, Code(42)) {
		t.Errorf("All() = %v", all)
	}
}

func TestName(t *testing.T) {
	if c, ok := NameItemNotFound.Code(); !ok || c != ItemNotFound {
		t.Errorf("NameItemNotFound.Code() = %v, %v", c, ok)
	}
	if string(NameItemNotFound) != "ItemNotFound" {
		t.Errorf("NameItemNotFound = %q", NameItemNotFound)
	}
	if _, ok := Name("NoSuchName").Code(); ok {
		t.Error("unknown name has a code")
	}
}

func TestErrorsIsAs(t *testing.T) {
	wrapped := fmt.Errorf("list robots: %w", ItemNotFound)
	if !errors.Is(wrapped, ItemNotFound) || errors.Is(wrapped, NameAlreadyUsed) {
		t.Error("errors.Is on a wrapped Code")
	}
	body := &Error{ErrorCode: ItemNotFound, Message: "Robot does not exist.", HTTPStatus: 404}
	err := fmt.Errorf("get robot: %w", body)
	if !errors.Is(err, ItemNotFound) || !errors.Is(err, &Error{ErrorCode: 1002}) || errors.Is(err, NameAlreadyUsed) {
		t.Error("errors.Is on a wrapped *Error")
	}
	var e *Error
	if !errors.As(err, &e) || e.HTTPStatus != 404 {
		t.Errorf("errors.As *Error = %v", e)
	}
	var c Code
	if !errors.As(err, &c) || c != ItemNotFound {
		t.Errorf("errors.As Code = %v", c)
	}
	if got := body.Error(); got != "orchestrator HTTP 404 error 1002 (ItemNotFound): Robot does not exist." {
		t.Errorf("Error() = %q", got)
	}
}

func response(status int, body string) *http.Response {
	return &http.Response{StatusCode: status, Body: io.NopCloser(strings.NewReader(body))}
}

func TestFromResponse(t *testing.T) {
	tests := []struct {
		name   string
		status int
		body   string
		code   Code
		msg    string
	}{
		{"error result", 404, `{"message":"Robot does not exist.","errorCode":1002,"traceId":"00-abc","resourceIds":null}`, ItemNotFound, "Robot does not exist."},
		{"exact case", 409, `{"Message":"The name Foo is already used.","ErrorCode":1001,"TraceId":"t","ResourceIds":[1,2],"Details":"d"}`, NameAlreadyUsed, "The name Foo is already used."},
		{"envelope", 400, `{"error":{"code":"1000","message":"Invalid request!"}}`, 1000, "Invalid request!"},
		{"envelope by name", 404, `{"error":{"code":"ItemNotFound","message":"gone"}}`, ItemNotFound, "gone"},
		{"html", 502, `<html><body>Bad Gateway</body></html>`, 0, "<html><body>Bad Gateway</body></html>"},
		{"empty", 503, ``, 0, "Service Unavailable"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := FromResponse(response(tt.status, tt.body))
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("FromResponse = %v, want *Error", err)
			}
			if e.ErrorCode != tt.code || e.Message != tt.msg || e.HTTPStatus != tt.status {
				t.Errorf("got code %d, message %q, status %d", e.ErrorCode, e.Message, e.HTTPStatus)
			}
		})
	}
	if err := FromResponse(response(204, "")); err != nil {
		t.Errorf("FromResponse(204) = %v", err)
	}
}

func TestParse(t *testing.T) {
	e, err := Parse([]byte(`{"ErrorCode":1003,"ResourceIds":[7],"TraceId":"x"}`))
	if err != nil || e.ErrorCode != StringProtectFailed || !slices.Equal(e.ResourceIDs, []int64{7}) || e.TraceID != "x" {
		t.Errorf("Parse = %+v, %v", e, err)
	}
	if _, err := Parse([]byte(`not json`)); err == nil {
		t.Error("Parse(not json) succeeded")
	}
	if got := e.Error(); got != "orchestrator error 1003 (StringProtectFailed): Protect call failed for provided string." {
		t.Errorf("Error() = %q", got)
	}
}

func TestFormatFill(t *testing.T) {
	if got := Fill(NameAlreadyUsed.Message(), map[string]string{"CustomNameYouAdded": "Invoices"}); got != "The name Invoices is already used." {
		t.Errorf("Fill = %q", got)
	}
	if got := Format(NameAlreadyUsed.Message(), "Invoices"); got != "The name Invoices is already used." {
		t.Errorf("Format = %q", got)
	}
	if got := Format("{1} then {0}", "a", "b"); got != "b then a" {
		t.Errorf("Format = %q", got)
	}
	if got := Format("There are not enough {0", 3); got != "There are not enough {0" {
		t.Errorf("Format unclosed = %q", got)
	}
	if got := Format("[A] and [B]", "x"); got != "x and [B]" {
		t.Errorf("Format missing arg = %q", got)
	}
}

func TestNoAllocations(t *testing.T) {
	var sink string
	for name, f := range map[string]func(){
		"Message": func() { sink = ItemNotFound.Message() },
		"String":  func() { sink = ItemNotFound.String() },
		"Lookup":  func() { c, _ := Lookup(1002); sink = c.String() },
	} {
		if n := testing.AllocsPerRun(100, f); n != 0 {
			t.Errorf("%s allocates %v times", name, n)
		}
	}
	_ = sink
}

func BenchmarkMessage(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = ItemNotFound.Message()
	}
}

func BenchmarkString(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = ItemNotFound.String()
	}
}

func BenchmarkLookup(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_, _ = Lookup(1661)
	}
}
