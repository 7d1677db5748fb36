package orcerr_test

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/orcgen/orcgen/generated/orcerr"
)

// The examples below are the README's section "The generated Go package",
// line for line; TestReadmeExamples keeps the two in step.

// orchestrator answers every request as Orchestrator does for a robot that
// does not exist.
func orchestrator() *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusNotFound)
		io.WriteString(w, `{"message":"Robot does not exist.","errorCode":1002,"traceId":"00-4bf92f35"}`)
	}))
}

func ExampleFromResponse() {
	srv := orchestrator()
	defer srv.Close()
	orchestratorURL := srv.URL

	resp, err := http.Get(orchestratorURL + "/odata/Robots(42)")
	if err != nil {
		panic(err)
	}
	defer resp.Body.Close()
	if err := orcerr.FromResponse(resp); err != nil {
		fmt.Println(errors.Is(err, orcerr.ItemNotFound)) // true
		var e *orcerr.Error
		if errors.As(err, &e) {
			fmt.Println(e.HTTPStatus, e.TraceID) // 404 00-4bf92f35
		}
		fmt.Println(err) // orchestrator HTTP 404 error 1002 (ItemNotFound): Robot does not exist.
	}
	// Output:
	// true
	// 404 00-4bf92f35
	// orchestrator HTTP 404 error 1002 (ItemNotFound): Robot does not exist.
}

// ExampleCode shows how a Code prints: fmt uses its Error method, since a
// Code is an error; String is the identifier and Message the page's message.
func ExampleCode() {
	fmt.Println(orcerr.NameAlreadyUsed.Message()) // The name [CustomNameYouAdded] is already used.
	c, ok := orcerr.Lookup(1002)
	fmt.Println(c.String(), ok) // ItemNotFound true
	fmt.Println(c)              // orchestrator error 1002 (ItemNotFound)
	fmt.Printf("%d %v\n", c, c) // 1002 orchestrator error 1002 (ItemNotFound)
	// Output:
	// The name [CustomNameYouAdded] is already used.
	// ItemNotFound true
	// orchestrator error 1002 (ItemNotFound)
	// 1002 orchestrator error 1002 (ItemNotFound)
}

func ExampleByName() {
	fmt.Println(orcerr.ByName("PackageNotFound")) // orchestrator error 1677 (PackageNotFound) true
	// Output: orchestrator error 1677 (PackageNotFound) true
}

func ExampleName_Code() {
	fmt.Println(orcerr.NameTenantNotFound.Code()) // orchestrator error 1667 (TenantNotFound) true
	// Output: orchestrator error 1667 (TenantNotFound) true
}

func ExampleFill() {
	fmt.Println(orcerr.Fill(orcerr.NameAlreadyUsed.Message(), map[string]string{"CustomNameYouAdded": "Invoices"})) // The name Invoices is already used.
	// Output: The name Invoices is already used.
}

func ExampleParse() {
	e, err := orcerr.Parse([]byte(`{"message":"A newer error.","errorCode":"SomeNewerName"}`))
	if err != nil {
		panic(err)
	}
	fmt.Println(int(e.ErrorCode), e.Name) // 0 SomeNewerName
	fmt.Println(e)                        // orchestrator error "SomeNewerName": A newer error.
	// Output:
	// 0 SomeNewerName
	// orchestrator error "SomeNewerName": A newer error.
}

// TestReadmeExamples checks that every line of the README's Go example is a
// line of these examples, and that the output each line's comment promises
// is a line the examples print (which go test checks).
func TestReadmeExamples(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	examples, err := os.ReadFile("example_test.go")
	if err != nil {
		t.Fatal(err)
	}
	code, output := exampleLines(string(examples))
	block := readmeBlock(t, string(readme), "## The generated Go package")
	for _, line := range strings.Split(block, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		stmt, want, _ := strings.Cut(line, " // ")
		if !code[strings.TrimSpace(stmt)] {
			t.Errorf("README line %q is in no example", line)
		}
		if want != "" && !output[want] {
			t.Errorf("README line %q promises %q, which no example prints", line, want)
		}
	}
}

// exampleLines returns the trimmed code lines of the examples, each with
// its trailing comment cut off, and the lines of their Output comments.
func exampleLines(src string) (code, output map[string]bool) {
	code, output = map[string]bool{}, map[string]bool{}
	inOutput := false
	for _, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(line, "// Output:"):
			inOutput = true
			if rest := strings.TrimSpace(strings.TrimPrefix(line, "// Output:")); rest != "" {
				output[rest] = true
			}
		case inOutput && strings.HasPrefix(line, "// "):
			output[strings.TrimPrefix(line, "// ")] = true
		default:
			inOutput = false
			stmt, _, _ := strings.Cut(line, " // ")
			code[strings.TrimSpace(stmt)] = true
		}
	}
	return code, output
}

// readmeBlock returns the first ```go block after heading.
func readmeBlock(t *testing.T, readme, heading string) string {
	t.Helper()
	_, rest, ok := strings.Cut(readme, "\n"+heading+"\n")
	if !ok {
		t.Fatalf("README has no %q", heading)
	}
	_, rest, ok = strings.Cut(rest, "```go\n")
	if !ok {
		t.Fatalf("README section %q has no Go block", heading)
	}
	block, _, ok := strings.Cut(rest, "```")
	if !ok {
		t.Fatalf("README section %q: Go block not closed", heading)
	}
	return block
}
