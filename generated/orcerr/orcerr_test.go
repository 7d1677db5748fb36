package orcerr

import (
	"encoding/json"
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
	if got := ItemNotFound.Error(); got != "orchestrator error 1002 (ItemNotFound)" {
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

// TestFromResponseBodies decodes error bodies as Orchestrator and the
// gateways in front of it send them, each asserting what a caller sees.
func TestFromResponseBodies(t *testing.T) {
	const abp = `{"message":"An internal error occurred during your request!","errorCode":0,` +
		`"error":{"code":0,"message":"An internal error occurred during your request!","details":null,"validationErrors":null},` +
		`"result":null,"targetUrl":null,"success":false,"unAuthorizedRequest":false,"__abp":true}`
	const nginx = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n" +
		"<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
	tests := []struct {
		name    string
		status  int
		body    string
		code    Code
		nameOut Name
		msg     string
		trace   string
		is      Code // errors.Is(err, is) must equal wantIs
		wantIs  bool
		text    string // Error()
	}{
		{"camel case", 404, `{"message":"Robot does not exist.","errorCode":1002,"traceId":"00-abc","resourceIds":null}`,
			ItemNotFound, "", "Robot does not exist.", "00-abc", ItemNotFound, true,
			"orchestrator HTTP 404 error 1002 (ItemNotFound): Robot does not exist."},
		{"spec case", 409, `{"Message":"The name Foo is already used.","ErrorCode":1001,"TraceId":"t","ResourceIds":[1,2],"Details":"d"}`,
			NameAlreadyUsed, "", "The name Foo is already used.", "t", NameAlreadyUsed, true,
			"orchestrator HTTP 409 error 1001 (NameAlreadyUsed): The name Foo is already used."},
		{"code null", 400, `{"message":"Value cannot be null. (Parameter 'key')","errorCode":null,"traceId":"t1"}`,
			0, "", "Value cannot be null. (Parameter 'key')", "t1", ItemNotFound, false,
			"orchestrator HTTP 400: Value cannot be null. (Parameter 'key')"},
		{"details object", 404, `{"message":"Robot does not exist.","errorCode":1002,"details":{"key":1},"traceId":"t2"}`,
			ItemNotFound, "", "Robot does not exist.", "t2", ItemNotFound, true,
			"orchestrator HTTP 404 error 1002 (ItemNotFound): Robot does not exist."},
		{"resource ids of strings", 404, `{"message":"gone","errorCode":1002,"resourceIds":["abc"],"traceId":"t3"}`,
			ItemNotFound, "", "gone", "t3", ItemNotFound, true,
			"orchestrator HTTP 404 error 1002 (ItemNotFound): gone"},
		{"trace id number", 404, `{"message":"gone","errorCode":1002,"traceId":123}`,
			ItemNotFound, "", "gone", "", ItemNotFound, true,
			"orchestrator HTTP 404 error 1002 (ItemNotFound): gone"},
		{"code 1002.0", 404, `{"message":"gone","errorCode":1002.0,"traceId":"t4"}`,
			ItemNotFound, "", "gone", "t4", ItemNotFound, true,
			"orchestrator HTTP 404 error 1002 (ItemNotFound): gone"},
		{"code 1.002e3", 404, `{"errorCode":1.002e3}`,
			ItemNotFound, "", "", "", ItemNotFound, true,
			"orchestrator HTTP 404 error 1002 (ItemNotFound): Robot does not exist."},
		{"code fraction", 400, `{"message":"odd","errorCode":1002.5}`,
			0, "", "odd", "", ItemNotFound, false,
			"orchestrator HTTP 400: odd"},
		{"escapes", 404, `{"message":"Robot \"R1\" does not exist.\u00a0","errorCode":"Item\u004eotFound","traceId":"t\/7"}`,
			ItemNotFound, "ItemNotFound", "Robot \"R1\" does not exist.\u00a0", "t/7", ItemNotFound, true,
			"orchestrator HTTP 404 error 1002 (ItemNotFound): Robot \"R1\" does not exist.\u00a0"},
		{"invalid utf-8 in a string", 404, "{\"message\":\"bad \xff byte\",\"errorCode\":1002}",
			ItemNotFound, "", "bad \uFFFD byte", "", ItemNotFound, true,
			"orchestrator HTTP 404 error 1002 (ItemNotFound): bad \uFFFD byte"},
		{"code quoted number", 404, `{"message":"gone","errorCode":"1002"}`,
			ItemNotFound, "", "gone", "", ItemNotFound, true,
			"orchestrator HTTP 404 error 1002 (ItemNotFound): gone"},
		{"code known name", 404, `{"message":"gone","errorCode":"ItemNotFound","traceId":"t5"}`,
			ItemNotFound, "ItemNotFound", "gone", "t5", ItemNotFound, true,
			"orchestrator HTTP 404 error 1002 (ItemNotFound): gone"},
		{"code unknown name", 409, `{"message":"A newer error.","errorCode":"SomeNewerName","traceId":"t6"}`,
			0, "SomeNewerName", "A newer error.", "t6", ItemNotFound, false,
			`orchestrator HTTP 409 error "SomeNewerName": A newer error.`},
		{"undocumented number", 400, `{"message":"Something new.","errorCode":4242}`,
			4242, "", "Something new.", "", 4242, true,
			"orchestrator HTTP 400 error 4242: Something new."},
		{"code 0, null parameter", 400, `{"message":"Value cannot be null. (Parameter 'robotId')","errorCode":0,"traceId":"00-f1"}`,
			0, "", "Value cannot be null. (Parameter 'robotId')", "00-f1", 0, false,
			"orchestrator HTTP 400: Value cannot be null. (Parameter 'robotId')"},
		{"code 0, unhandled", 500, `{"message":"An error has occurred.","errorCode":0,"resourceIds":null}`,
			0, "", "An error has occurred.", "", ItemNotFound, false,
			"orchestrator HTTP 500: An error has occurred."},
		{"abp", 500, abp,
			0, "", "An internal error occurred during your request!", "", ItemNotFound, false,
			"orchestrator HTTP 500: An internal error occurred during your request!"},
		{"envelope", 400, `{"error":{"code":"1000","message":"Invalid request!"}}`,
			1000, "", "Invalid request!", "", 1000, true,
			"orchestrator HTTP 400 error 1000 (InvalidRequest): Invalid request!"},
		{"envelope by name", 404, `{"error":{"code":"ItemNotFound","message":"gone"}}`,
			ItemNotFound, "ItemNotFound", "gone", "", ItemNotFound, true,
			"orchestrator HTTP 404 error 1002 (ItemNotFound): gone"},
		{"envelope string", 401, `{"error":"invalid_token"}`,
			0, "", `{"error":"invalid_token"}`, "", ItemNotFound, false,
			`orchestrator HTTP 401: {"error":"invalid_token"}`},
		{"html gateway", 502, nginx,
			0, "", "502 Bad Gateway", "", ItemNotFound, false,
			"orchestrator HTTP 502: 502 Bad Gateway"},
		{"html without title", 503, "<html><body>\r\n<h1>Service\r\n  Unavailable</h1>\r\n<p>Try &amp; retry.</p></body></html>",
			0, "", "Service Unavailable Try & retry.", "", ItemNotFound, false,
			"orchestrator HTTP 503: Service Unavailable Try & retry."},
		{"plain text", 503, "upstream connect error\r\n\treset reason: overflow\x00\x1b[31m",
			0, "", "upstream connect error reset reason: overflow[31m", "", ItemNotFound, false,
			"orchestrator HTTP 503: upstream connect error reset reason: overflow[31m"},
		{"invalid utf-8", 502, "bad \xff gateway",
			0, "", "bad \uFFFD gateway", "", ItemNotFound, false,
			"orchestrator HTTP 502: bad \uFFFD gateway"},
		{"long text", 504, strings.Repeat("ab ", 100),
			0, "", strings.TrimSpace(strings.Repeat("ab ", 67)) + "...", "", ItemNotFound, false,
			"orchestrator HTTP 504: " + strings.TrimSpace(strings.Repeat("ab ", 67)) + "..."},
		{"json array", 500, `[1,2]`,
			0, "", "[1,2]", "", ItemNotFound, false,
			"orchestrator HTTP 500: [1,2]"},
		{"empty", 503, ``,
			0, "", "Service Unavailable", "", ItemNotFound, false,
			"orchestrator HTTP 503: Service Unavailable"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := FromResponse(response(tt.status, tt.body))
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("FromResponse = %v, want *Error", err)
			}
			if e.ErrorCode != tt.code || e.Name != tt.nameOut || e.Message != tt.msg || e.TraceID != tt.trace || e.HTTPStatus != tt.status {
				t.Errorf("got code %d, name %q, message %q, trace %q, status %d\nwant code %d, name %q, message %q, trace %q, status %d",
					e.ErrorCode, e.Name, e.Message, e.TraceID, e.HTTPStatus, tt.code, tt.nameOut, tt.msg, tt.trace, tt.status)
			}
			if got := errors.Is(err, tt.is); got != tt.wantIs {
				t.Errorf("errors.Is(err, %d) = %v", tt.is, got)
			}
			if got := err.Error(); got != tt.text {
				t.Errorf("Error() = %q\nwant      %q", got, tt.text)
			}
		})
	}
	if err := FromResponse(response(204, "")); err != nil {
		t.Errorf("FromResponse(204) = %v", err)
	}
}

// TestErrorBodyFieldsKept checks the fields of a body with one bad field:
// the others keep their values.
func TestErrorBodyFieldsKept(t *testing.T) {
	e, err := Parse([]byte(`{"message":"m","errorCode":1002,"traceId":"t","resourceIds":[7,8],"details":{"x":1}}`))
	if err != nil || e.ErrorCode != ItemNotFound || e.Message != "m" || e.TraceID != "t" || !slices.Equal(e.ResourceIDs, []int64{7, 8}) || e.Details != "" {
		t.Errorf("Parse = %+v, %v", e, err)
	}
	e, err = Parse([]byte(`{"message":"m","errorCode":1002,"resourceIds":["abc"],"details":"d"}`))
	if err != nil || e.ErrorCode != ItemNotFound || e.ResourceIDs != nil || e.Details != "d" {
		t.Errorf("Parse = %+v, %v", e, err)
	}
}

func TestErrorsIsByName(t *testing.T) {
	a := &Error{Name: "SomeNewerName"}
	if !errors.Is(a, &Error{Name: "SomeNewerName"}) || errors.Is(a, &Error{Name: "Other"}) || errors.Is(a, &Error{}) {
		t.Error("errors.Is between code-less errors")
	}
	if errors.Is(&Error{}, Code(0)) || errors.Is(&Error{}, &Error{}) {
		t.Error("an error without a code or name matches")
	}
}

func TestCodeUnmarshalJSON(t *testing.T) {
	for in, want := range map[string]Code{`1002`: 1002, `1002.0`: 1002, `1.002e3`: 1002, `"1002"`: 1002, `"ItemNotFound"`: 1002, `-1`: -1} {
		var c Code
		if err := json.Unmarshal([]byte(in), &c); err != nil || c != want {
			t.Errorf("Unmarshal(%s) = %d, %v; want %d", in, c, err, want)
		}
	}
	c := ItemNotFound
	if err := json.Unmarshal([]byte(`null`), &c); err != nil || c != ItemNotFound {
		t.Errorf("Unmarshal(null) = %d, %v; want unchanged", c, err)
	}
	for _, in := range []string{`"SomeNewerName"`, `1002.5`, `4294967296`, `{}`, `true`, `""`} {
		if err := json.Unmarshal([]byte(in), &c); err == nil {
			t.Errorf("Unmarshal(%s) succeeded", in)
		}
	}
}

func TestParse(t *testing.T) {
	e, err := Parse([]byte(`{"ErrorCode":1003,"ResourceIds":[7],"TraceId":"x"}`))
	if err != nil || e.ErrorCode != StringProtectFailed || !slices.Equal(e.ResourceIDs, []int64{7}) || e.TraceID != "x" {
		t.Errorf("Parse = %+v, %v", e, err)
	}
	for _, bad := range []string{`not json`, `"text"`, `[1]`, `{"message":"m"} trailing`} {
		if _, err := Parse([]byte(bad)); err == nil {
			t.Errorf("Parse(%s) succeeded", bad)
		}
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
	if got := Format("{0 then [A] and {[B]}", "x", "y"); got != "{0 then x and {y}" {
		t.Errorf("Format after an unclosed opener = %q", got)
	}
	if got := Fill("[a}b] {a]b} [[k]]", map[string]string{"a}b": "1", "a]b": "2", "k": "3"}); got != "1 2 [3]" {
		t.Errorf("Fill with the other closer in a key = %q", got)
	}
	// Many openers and one closer: the last opener starts the placeholder.
	n := 1 << 16
	if got := Fill(strings.Repeat("[", n)+"]", map[string]string{"": "x"}); got != strings.Repeat("[", n-1)+"x" {
		t.Errorf("Fill on %d openers: %d bytes, want %d", n, len(got), n)
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
