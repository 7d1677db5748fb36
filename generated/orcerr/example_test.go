package orcerr_test

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/orcgen/orcgen/generated/orcerr"
)

func ExampleFromResponse() {
	resp := &http.Response{StatusCode: 404, Body: io.NopCloser(strings.NewReader(
		`{"Message":"Robot does not exist.","ErrorCode":1002,"TraceId":"00-1"}`))}
	err := orcerr.FromResponse(resp)
	fmt.Println(errors.Is(err, orcerr.ItemNotFound))
	fmt.Println(err)
	// Output:
	// true
	// orchestrator HTTP 404 error 1002 (ItemNotFound): Robot does not exist.
}

func ExampleLookup() {
	c, ok := orcerr.Lookup(1001)
	fmt.Println(c.String(), ok, c.Message())
	// Output: NameAlreadyUsed true The name [CustomNameYouAdded] is already used.
}

func ExampleFill() {
	fmt.Println(orcerr.Fill(orcerr.NameAlreadyUsed.Message(), map[string]string{"CustomNameYouAdded": "Invoices"}))
	// Output: The name Invoices is already used.
}

func ExampleName_Code() {
	c, ok := orcerr.NameItemNotFound.Code()
	fmt.Println(int(c), ok)
	// Output: 1002 true
}
