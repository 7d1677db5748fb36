// Command client reads an Orchestrator 404 through the oapi-codegen client
// generated from api.yaml, whose error body is orch.ErrorResult.
package main

import (
	"fmt"
	"io"
	"net/http"
	"strings"

	"example.com/client/api"
	"example.com/client/orch"
)

func main() {
	resp, err := api.ParseQueueItemsGetByIdResponse(&http.Response{
		StatusCode: http.StatusNotFound,
		Header:     http.Header{"Content-Type": {"application/json"}},
		Body:       io.NopCloser(strings.NewReader(`{"ErrorCode":1002,"Message":"Robot does not exist.","TraceId":"t1"}`)),
	})
	if err != nil {
		panic(err)
	}
	var body *orch.ErrorResult = resp.JSON404
	fmt.Println(*body.ErrorCode == orch.ErrorCodeItemNotFound, *body.Message)
}
