package spec

import "testing"

// FuzzYAMLScan runs the line readers on any bytes: none may panic, and
// reading the same bytes twice gives the same answer.
func FuzzYAMLScan(f *testing.F) {
	for _, name := range []string{"small-3.0.yaml", "small-2.0.yaml", "small-3.1.yaml", "alias-bomb.yaml"} {
		f.Add(readTestdata(f, name))
	}
	f.Add([]byte("a: {b: [1, 2,\n  3], c: \"x\n y\"}\n? long\n: v\n- - k: |\n    text: no\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err1 := estimateYAMLKeys(data, nil)
		_, err2 := estimateYAMLKeys(data, &yamlOutline{pending: -1, long: -1})
		if (err1 == nil) != (err2 == nil) {
			t.Fatalf("two estimates disagree: %v, %v", err1, err2)
		}
		yamlPropertyOrder(data, []string{"components", "schemas", "ErrorResult", "properties"})
		yamlComponentSizes(data, map[string]int{})
		jsonPropertyOrder(data, []string{"a", "b"})
		refCounts(data)
		if len(data) < 1<<16 {
			_ = countYAMLKeys(data)
			treeComponentSizes(data, map[string]int{})
			_ = checkJSON(data)
			jsonComponentSizes(data, map[string]int{})
		}
	})
}
