package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/orcgen/orcgen/parser/page"
	"github.com/orcgen/orcgen/parser/source"
	"github.com/orcgen/orcgen/parser/spec"
)

// hostileGenerators write the inputs of the big cases at test time, so the
// repository holds a few lines instead of megabytes. Each returns the page
// and spec paths it wrote ("" for the embedded default).
var hostileGenerators = map[string]func(t *testing.T, work string) (pagePath, specPath string){
	"big-cell":    genBigCell,
	"many-rows":   genManyRows,
	"deep-nest":   genDeepNest,
	"huge-enum":   genHugeEnum,
	"long-chain":  genLongChain,
	"huge-page":   genHugePage,
	"many-tables": genManyTables,
	"paragraphs":  genParagraphs,
	"rows-over":   genRowsOver,
	"cell-over":   genCellOver,

	"newlines-yaml":   genNewlinesYAML,
	"newlines-json":   genNewlinesJSON,
	"chain-over":      genChainOver,
	"shared-response": genSharedResponse,
	"many-values":     genManyValues,
}

// bigCellBytes is the size of the big cell: 1 MB.
const bigCellBytes = 1 << 20

// genBigCell writes a page whose code 90001 has a 1 MB message of words,
// with characters that need escaping in every output sprinkled in.
func genBigCell(t *testing.T, work string) (string, string) {
	word := "overflow */ `tick` | <b> "
	msg := strings.Repeat(word, bigCellBytes/len(word))
	row := fmt.Sprintf("<tr><td><p>90001</p></td><td><p>%s</p></td><td><p>%s</p></td></tr>\n", htmlEscape(msg), htmlEscape(msg))
	return writePage(t, work, []byte(row), 50), ""
}

// manyRows is the number of rows of the many-rows case: page.MaxRows.
const manyRows = page.MaxRows

// genManyRows writes a page at every page-wide limit at once: manyRows code
// rows (page.MaxRows), each of four messages of about 100 bytes and a
// one-line description, so 50,000 lines (page.MaxLines) and about 4 MB of
// text (just under page.MaxTextBytes), with characters that need escaping
// in every output.
func genManyRows(t *testing.T, work string) (string, string) {
	var b strings.Builder
	pad := strings.Repeat("overflow */ `tick` | <b> ", 3)
	for i := range manyRows {
		code := 10000 + i
		fmt.Fprintf(&b, "<tr><td><p>%d</p></td><td>", code)
		for m := range 4 {
			fmt.Fprintf(&b, "<p>%s</p>", htmlEscape(fmt.Sprintf("Message %d of code %d: %s.", m+1, code, pad)))
		}
		b.WriteString("</td><td><p>Robots</p></td></tr>\n")
	}
	return writePage(t, work, []byte(b.String()), 0), ""
}

// deepNest is how deep the deep-nest case nests its tags.
const deepNest = 10000

// genDeepNest writes an ordinary page with a cell holding tags nested
// deepNest deep.
func genDeepNest(t *testing.T, work string) (string, string) {
	cell := strings.Repeat("<span>", deepNest) + "deep" + strings.Repeat("</span>", deepNest)
	row := fmt.Sprintf("<tr><td><p>90001</p></td><td><p>%s</p></td><td><p>Nested.</p></td></tr>\n", cell)
	return writePage(t, work, []byte(row), 50), ""
}

// hugeEnum is the number of names of the huge-enum case.
const hugeEnum = 100000

// genHugeEnum writes a spec whose error-code enum holds hugeEnum names.
func genHugeEnum(t *testing.T, work string) (string, string) {
	var b strings.Builder
	b.WriteString(specHead)
	b.WriteString("    FailedDto:\n      type: object\n      properties:\n        ErrorCode:\n          type: string\n          enum:\n")
	for i := range hugeEnum {
		fmt.Fprintf(&b, "            - Failure%06d\n", i)
	}
	path := filepath.Join(work, "spec.yaml")
	writeTestFile(t, path, []byte(b.String()))
	return "", path
}

// longChain is the number of schemas of the long-chain case.
const longChain = 6000

// genLongChain writes a spec whose schemas form a chain of longChain
// $refs, each the only property of the one before: kin-openapi's Validate
// slows down badly on such chains.
func genLongChain(t *testing.T, work string) (string, string) {
	return "", writeChain(t, work, longChain)
}

// genChainOver writes a chain of $refs as long as fits in the default size
// limit (source.DefaultMaxBytes, about 330,000 schemas): the component
// schemas mapping passes spec.MaxMappingKeys.
func genChainOver(t *testing.T, work string) (string, string) {
	const link = len("    S000000:\n      type: object\n      properties:\n        next:\n          $ref: '#/components/schemas/S000000'\n")
	n := (source.DefaultMaxBytes - len(specHead) - 64) / link
	path := writeChain(t, work, n)
	if size := len(readTestFile(t, path)); size > source.DefaultMaxBytes || size < source.DefaultMaxBytes-source.DefaultMaxBytes/20 {
		t.Fatalf("chain of %d bytes, want it to fill the %d-byte limit", size, source.DefaultMaxBytes)
	}
	return "", path
}

// writeChain writes spec.yaml: specHead with n schemas chained by $refs,
// each the only property of the one before, and returns its path.
func writeChain(t *testing.T, work string, n int) string {
	var b bytes.Buffer
	b.WriteString(specHead)
	for i := range n {
		fmt.Fprintf(&b, "    S%d:\n      type: object\n      properties:\n        next:\n          $ref: '#/components/schemas/S%d'\n", i, i+1)
	}
	fmt.Fprintf(&b, "    S%d:\n      type: string\n", n)
	path := filepath.Join(work, "spec.yaml")
	writeTestFile(t, path, b.Bytes())
	return path
}

// newlines is how many newlines follow the definition of the newline
// cases: 31 MB, within the default size limit. kin-openapi's origin index
// cost about 110 bytes a line (3.4 GB for JSON, 4.8 GB for YAML).
const newlines = 31 << 20

// genNewlinesYAML writes specHead followed by newlines newlines.
func genNewlinesYAML(t *testing.T, work string) (string, string) {
	return "", writeNewlines(t, filepath.Join(work, "spec.yaml"), specHead)
}

// genNewlinesJSON writes specHeadJSON followed by newlines newlines.
func genNewlinesJSON(t *testing.T, work string) (string, string) {
	return "", writeNewlines(t, filepath.Join(work, "spec.json"), specHeadJSON)
}

// writeNewlines writes head followed by newlines newlines to path and
// returns path.
func writeNewlines(t *testing.T, path, head string) string {
	data := make([]byte, len(head)+newlines)
	copy(data, head)
	for i := len(head); i < len(data); i++ {
		data[i] = '\n'
	}
	writeTestFile(t, path, data)
	return path
}

// sharedOps and sharedProps shape the shared-response case: sharedOps
// operations refer to one response whose inline schema has sharedProps
// properties (0.6 MB). kin-openapi's resolver walked the schema again for
// every operation: 12 s and 1.6 GB.
const sharedOps, sharedProps = 5000, 5000

// genSharedResponse writes the shared-response spec.
func genSharedResponse(t *testing.T, work string) (string, string) {
	var b bytes.Buffer
	b.WriteString("openapi: 3.0.1\ninfo: {title: x, version: \"1\"}\npaths:\n")
	for i := range sharedOps {
		fmt.Fprintf(&b, "  /p%d:\n    get:\n      responses:\n        '404': {$ref: '#/components/responses/E'}\n", i)
	}
	b.WriteString("components:\n  responses:\n    E:\n      description: e\n      content:\n        application/json:\n          schema:\n" +
		"            type: object\n            properties:\n")
	for i := range sharedProps {
		fmt.Fprintf(&b, "              p%d: {type: string}\n", i)
	}
	path := filepath.Join(work, "spec.yaml")
	writeTestFile(t, path, b.Bytes())
	return "", path
}

// manyValues is the number of list items of the many-values case, each a
// one-key mapping: 7 million values in 31.5 MB, 14 times spec.MaxEntries.
// kin-openapi allocated about 1 KB a value (4 to 6.5 GB).
const manyValues = 3_500_000

// genManyValues writes a definition whose extension x-big lists manyValues
// tiny mappings, in the shape parser/spec's TestEntryBudget uses.
func genManyValues(t *testing.T, work string) (string, string) {
	const head, item = "openapi: 3.0.1\ninfo: {title: x, version: \"1\"}\npaths: {}\nx-big:\n", "  - a: 1\n"
	if manyValues <= spec.MaxEntries {
		t.Fatalf("%d values do not pass spec.MaxEntries (%d)", manyValues, spec.MaxEntries)
	}
	data := make([]byte, 0, len(head)+manyValues*len(item))
	data = append(data, head...)
	for range manyValues {
		data = append(data, item...)
	}
	path := filepath.Join(work, "spec.yaml")
	writeTestFile(t, path, data)
	return "", path
}

// genHugePage writes a page of 40 MB: more than -max-bytes allows by
// default.
func genHugePage(t *testing.T, work string) (string, string) {
	pad := "<!-- " + strings.Repeat("x", 40<<20) + " -->\n"
	return writePage(t, work, []byte(pad), 50), ""
}

// manyTables is the number of tables of the many-tables case.
const manyTables = 2000

// genManyTables writes a page of manyTables tables of 49 code rows each:
// none is the codes table, and picking among them must stay linear.
func genManyTables(t *testing.T, work string) (string, string) {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html><html><head><title>Tables</title></head><body>\n")
	for i := range manyTables {
		b.WriteString("<table>")
		for j := range 49 {
			fmt.Fprintf(&b, "<tr><td>%d</td><td>t</td><td>d</td></tr>", i*100+j+1)
		}
		b.WriteString("</table>\n")
	}
	b.WriteString("</body></html>\n")
	path := filepath.Join(work, "page.html")
	writeTestFile(t, path, []byte(b.String()))
	return path, ""
}

// specHead is the start of a small valid OpenAPI 3.0 definition with the
// ErrorResult schema; generators append component schemas.
const specHead = `openapi: 3.0.1
info:
  title: Hostile
  version: "1.0"
paths:
  /items:
    get:
      operationId: Items_Get
      responses:
        "200":
          description: OK
        "404":
          description: Not Found
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/ErrorResult'
components:
  schemas:
    ErrorResult:
      type: object
      properties:
        Message:
          type: string
        ErrorCode:
          type: integer
          format: int32
`

// specHeadJSON is specHead as JSON, with no component after ErrorResult.
const specHeadJSON = `{"openapi": "3.0.1", "info": {"title": "Hostile", "version": "1.0"},
"paths": {"/items": {"get": {"operationId": "Items_Get", "responses": {
  "200": {"description": "OK"},
  "404": {"description": "Not Found", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorResult"}}}}}}}},
"components": {"schemas": {"ErrorResult": {"type": "object", "properties": {
  "Message": {"type": "string"},
  "ErrorCode": {"type": "integer", "format": "int32"}}}}}}
`

// writePage writes a page of n filler rows with rows in the middle.
func writePage(t *testing.T, work string, rows []byte, n int) string {
	page, err := codesPage(rows, "standard", n)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(work, "page.html")
	writeTestFile(t, path, page)
	return path
}

// htmlEscape escapes text for an HTML text node.
func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// paragraphs is the number of paragraphs of the paragraphs case's cell:
// 6.5 million "<p>a", 26 MB, so that the page stays under -max-bytes.
const paragraphs = 6_500_000

// genParagraphs writes an ordinary page whose code 90001 has a Text cell of
// paragraphs paragraphs of one letter each: parsed into a tree, it would
// cost about 4 GB.
func genParagraphs(t *testing.T, work string) (string, string) {
	var b strings.Builder
	b.Grow(paragraphs*4 + 100)
	b.WriteString("<tr><td><p>90001</p></td><td>")
	for range paragraphs {
		b.WriteString("<p>a")
	}
	b.WriteString("</td><td><p>Paragraphs.</p></td></tr>\n")
	return writePage(t, work, []byte(b.String()), 50), ""
}

// genRowsOver writes a page of one code row more than page.MaxRows.
func genRowsOver(t *testing.T, work string) (string, string) {
	return writePage(t, work, nil, page.MaxRows+1), ""
}

// genCellOver writes a page whose code 90001 has a message one byte over
// page.MaxCellBytes.
func genCellOver(t *testing.T, work string) (string, string) {
	msg := strings.Repeat("a", page.MaxCellBytes+1)
	row := fmt.Sprintf("<tr><td><p>90001</p></td><td><p>%s</p></td><td><p>Big.</p></td></tr>\n", msg)
	return writePage(t, work, []byte(row), 50), ""
}
