package openapi

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/orcgen/orcgen/internal/testenv"
	"github.com/orcgen/orcgen/model"
)

// sourceCatalog is patchCatalog with Robots_Post tied to 1001 and 1002.
func sourceCatalog() *model.Catalog {
	cat := patchCatalog()
	cat.Operations = append(cat.Operations, model.Operation{Method: "POST", Path: "/odata/Robots", OperationID: "Robots_Post", Codes: []int{1001, 1002}})
	return cat
}

// lineChanges counts the lines of patched that are not in orig and the
// lines of orig that are not in patched, taking orig's lines in order (the
// shortest edit when orig's lines are a subsequence of patched's).
func lineChanges(orig, patched []byte) (added, removed int) {
	a := strings.SplitAfter(string(orig), "\n")
	i := 0
	for _, line := range strings.SplitAfter(string(patched), "\n") {
		if i < len(a) && line == a[i] {
			i++
			continue
		}
		added++
	}
	return added, len(a) - i
}

// TestPatchSourceGolden patches hand-made YAML and JSON documents (comments,
// four-space indentation, flow mappings, a literal block holding a line that
// looks like a comment) and compares the result with a golden file; the
// result only adds lines, but for the one-line flow mapping it extends, and
// loads and validates.
func TestPatchSourceGolden(t *testing.T) {
	for name, changed := range map[string]string{
		"small.yaml": `                "404": {description: Not Found, x-note: a flow mapping}` + "\n",
		"small.json": "",
	} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(testenv.Root(), "testdata", "patch", name))
			if err != nil {
				t.Fatal(err)
			}
			res, err := PatchSource(data, sourceCatalog())
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, filepath.Join(testenv.Root(), "testdata", "golden", "openapi", "patch-"+name), res.Data)
			if changed != "" && !bytes.Contains(data, []byte(changed)) {
				t.Fatalf("%s lacks the line %q", name, changed)
			}
			// A flow mapping whose members share its braces' line grows on
			// that line; every other line of the input is kept, in order.
			kept := bytes.Replace(data, []byte(changed), nil, 1)
			if added, removed := lineChanges(kept, res.Data); removed != 0 || added == 0 {
				t.Errorf("line diff: %d added, %d removed besides %q; want only added lines", added, removed, changed)
			}
			doc := loadPatched(t, res.Data)
			checkErrorBodies(t, doc)
			post := doc.Paths.Value("/odata/Robots").Post
			if got := post.Extensions[ExtErrorCodes]; !slices.Equal(got.([]any), []any{1001.0, 1002.0}) {
				t.Errorf("Robots_Post %s = %v, want [1001 1002]", ExtErrorCodes, got)
			}
			bad := post.Responses.Value("400").Value
			if *bad.Description != "Robot is invalid" || exampleNames(bad.Content["application/json"].Examples) == nil {
				t.Errorf("Robots_Post 400 = %q with examples %v, want the user's description and 1001, 1002", *bad.Description, exampleNames(bad.Content["application/json"].Examples))
			}
			if post.Responses.Default() != nil {
				t.Error("Robots_Post got a default response though its 400 now has the error body")
			}
		})
	}
}

// TestPatchSourceReport checks the counts PatchSource reports for
// small.yaml: five operations; Assets_Post and Assets_DeleteById (whose 404
// is "content: {}") get a default, Assets_GetById a 409 for code 1300,
// Robots_Post's 400 and Queues_Get's 404 (a flow mapping) a body.
func TestPatchSourceReport(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(testenv.Root(), "testdata", "patch", "small.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := PatchSource(data, sourceCatalog())
	if err != nil {
		t.Fatal(err)
	}
	want := PatchResult{Data: res.Data, Operations: 5, Defaults: 2, Stated: 1, Bodies: 2, Tagged: 3, Bodiless: 1}
	if !reflect.DeepEqual(*res, want) {
		t.Errorf("report = %+v, want %+v", *res, want)
	}
}

func TestPatchSourceRefusals(t *testing.T) {
	small, err := os.ReadFile(filepath.Join(testenv.Root(), "testdata", "patch", "small.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	patched, err := PatchSource(small, sourceCatalog())
	if err != nil {
		t.Fatal(err)
	}
	swagger, err := os.ReadFile(filepath.Join(testenv.Root(), "testdata", "specs", "small-2.0.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"patched twice", patched.Data, `spec already has a schema "ErrorCode"`},
		{"swagger 2.0", swagger, ErrSwagger2.Error()},
		{"no openapi field", []byte("info: {title: x}\n"), `parse document: no "openapi: 3.x" field`},
		{"not a mapping", []byte("- 1\n"), "parse document: not a mapping"},
		{"responses not a mapping", []byte("openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses: [1]\n"), `operation GET /a (line 4): "responses" (line 5) is not a mapping`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := PatchSource(tc.data, sourceCatalog())
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("err = %v, want %q", err, tc.want)
			}
		})
	}
	if _, err := PatchSource(swagger, sourceCatalog()); !errors.Is(err, ErrSwagger2) {
		t.Errorf("swagger 2.0: err = %v, want ErrSwagger2", err)
	}
}

// TestPatchSourceSharedSpecs patches the five shared Orchestrator
// definitions with the committed 20.0 catalog: the line diff against each
// original has no removed line, the first lines stay where they were, and
// in the loaded result every operation has an error response with the
// ErrorResult body; GET /odata/QueueItems({key}), which declares only a
// 200, gets a default. Each spec is parsed once by PatchSource and once, as
// the result, by kin-openapi.
func TestPatchSourceSharedSpecs(t *testing.T) {
	if testing.Short() {
		t.Skip("loads five 1.2 MB definitions; skipped with -short")
	}
	cat := testenv.Catalog(t, "generated", "model.json")
	tied := map[string]bool{}
	for _, op := range cat.Operations {
		if len(op.Codes) > 0 {
			tied[op.OperationID] = true
		}
	}
	for _, v := range []string{"15.0", "16.0", "17.0", "18.0", "20.0"} {
		t.Run(v, func(t *testing.T) {
			data, err := os.ReadFile(testenv.Shared(t, "specs", "orchestrator-v"+v+".yaml"))
			if err != nil {
				t.Fatal(err)
			}
			res, err := PatchSource(data, cat)
			if err != nil {
				t.Fatal(err)
			}
			added, removed := lineChanges(data, res.Data)
			if removed != 0 {
				t.Errorf("line diff removes %d lines", removed)
			}
			if first := data[:bytes.IndexByte(data, '\n')+1]; !bytes.HasPrefix(res.Data, first) {
				t.Errorf("first line moved: %q", first)
			}
			doc := loadPatched(t, res.Data)
			if n := checkErrorBodies(t, doc); n != res.Operations {
				t.Errorf("%d operations checked, PatchSource reports %d", n, res.Operations)
			}
			tagged := 0
			for _, item := range doc.Paths.Map() {
				for _, op := range item.Operations() {
					_, has := op.Extensions[ExtErrorCodes]
					if has != tied[op.OperationID] {
						t.Errorf("%s: %s present %t, catalog ties codes %t", op.OperationID, ExtErrorCodes, has, tied[op.OperationID])
					}
					if has {
						tagged++
					}
				}
			}
			if tagged != res.Tagged {
				t.Errorf("%d operations carry %s, PatchSource reports %d", tagged, ExtErrorCodes, res.Tagged)
			}
			if def := doc.Paths.Value("/odata/QueueItems({key})").Get.Responses.Default(); def == nil {
				t.Error("GET /odata/QueueItems({key}) has no default response")
			}
			t.Logf("%s: %d operations, %d defaults, %d stated statuses, %d bodies, %d tagged, %d bodiless left; %d lines added, %d removed",
				v, res.Operations, res.Defaults, res.Stated, res.Bodies, res.Tagged, res.Bodiless, added, removed)
		})
	}
}

// loadPatched loads and validates a patched document with kin-openapi.
func loadPatched(t *testing.T, data []byte) *openapi3.T {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromData(data)
	if err != nil {
		t.Fatalf("load patched document: %v", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("validate patched document: %v", err)
	}
	return doc
}

// checkErrorBodies fails for every operation without an error response
// (4xx, 5xx, 4XX, 5XX or default) whose application/json body is the
// ErrorResult schema; it returns the number of operations.
func checkErrorBodies(t *testing.T, doc *openapi3.T) int {
	t.Helper()
	n := 0
	for _, path := range doc.Paths.InMatchingOrder() {
		for method, op := range doc.Paths.Value(path).Operations() {
			n++
			ok := false
			for key, resp := range op.Responses.Map() {
				if _, isError := errorKey(key); !isError && key != "default" {
					continue
				}
				if mt := resp.Value.Content["application/json"]; mt != nil && mt.Schema != nil && mt.Schema.Ref == "#/components/schemas/ErrorResult" {
					ok = true
				}
			}
			if !ok {
				t.Errorf("%s %s: no error response with the ErrorResult body", method, path)
			}
		}
	}
	return n
}

// TestPatchSourceCRLF patches a document whose lines end in CRLF: the
// inserted lines end in CRLF too, and every input line is kept.
func TestPatchSourceCRLF(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(testenv.Root(), "testdata", "patch", "small.json"))
	if err != nil {
		t.Fatal(err)
	}
	crlf := bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))
	res, err := PatchSource(crlf, sourceCatalog())
	if err != nil {
		t.Fatal(err)
	}
	if n, m := bytes.Count(res.Data, []byte("\n")), bytes.Count(res.Data, []byte("\r\n")); n != m {
		t.Errorf("%d line ends, %d of them CRLF", n, m)
	}
	if added, removed := lineChanges(crlf, res.Data); removed != 0 || added == 0 {
		t.Errorf("line diff: %d added, %d removed", added, removed)
	}
	loadPatched(t, res.Data)
}

// BenchmarkPatchSource patches the shared 20.0 definition (1.4 MB of YAML)
// with the committed catalog.
func BenchmarkPatchSource(b *testing.B) {
	data, err := os.ReadFile(testenv.Shared(b, "specs", "orchestrator-v20.0.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	cat := testenv.Catalog(b, "generated", "model.json")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := PatchSource(data, cat); err != nil {
			b.Fatal(err)
		}
	}
}
