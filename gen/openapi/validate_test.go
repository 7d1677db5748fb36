package openapi

import (
	"strconv"
	"strings"
	"testing"
)

// TestCheckExamplesCatchesStrayCode shows that replacing kin-openapi's
// quadratic example check loses nothing: an example whose code is not in
// the ErrorCode enum, or whose message is not a string, is refused.
func TestCheckExamplesCatchesStrayCode(t *testing.T) {
	doc, err := Errors(loadModel(t, "basic.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := checkExamples(doc); err != nil {
		t.Fatalf("valid document refused: %v", err)
	}
	name := componentNames(doc.Components.Examples)[0]
	body := doc.Components.Examples[name].Value.Value.(map[string]any)
	body[codeProperty] = 42
	if err := checkExamples(doc); err == nil || !strings.Contains(err.Error(), "42 is not a value of ErrorCode") {
		t.Errorf("stray code: err = %v", err)
	}
	body[codeProperty] = doc.Components.Schemas[SchemaErrorCode].Value.Enum[0]
	body["Message"] = 7
	if err := checkExamples(doc); err == nil || !strings.Contains(err.Error(), "Message is not a string") {
		t.Errorf("numeric message: err = %v", err)
	}
}

// BenchmarkErrorsManyCodes measures Errors on 10,000 codes, where
// kin-openapi's own example validation took 12 s.
func BenchmarkErrorsManyCodes(b *testing.B) {
	cat := loadModel(b, "basic.json")
	base := cat.Codes[0]
	cat.Codes = cat.Codes[:0]
	for i := range 10000 {
		c := base
		c.Code, c.Name = 100000+i, "Code"+strconv.Itoa(100000+i)
		cat.Codes = append(cat.Codes, c)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Errors(cat); err != nil {
			b.Fatal(err)
		}
	}
}
