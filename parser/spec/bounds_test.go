package spec

import (
	"runtime"
	"strings"
	"testing"
)

// sizeLimit is orcgen's default input size limit, which the hostile inputs
// below fill.
const sizeLimit = 32 << 20

// allocated returns the bytes fn allocates: an upper bound of the heap it
// needs, counted rather than timed, so the bound holds on a loaded machine.
func allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestRefChains: the 6,000-schema chain (640 KB) loads and validates, each
// schema validated once (TestValidateVisitsEachSchemaOnce); a chain that
// fills the size limit is refused by the key budget before anything is
// decoded, having allocated little.
func TestRefChains(t *testing.T) {
	data := chainSpec(6000, "      type: string\n")
	if _, err := Load(data, Options{URI: "chain.yaml"}); err != nil {
		t.Errorf("6,000-schema chain (%d bytes): %v", len(data), err)
	}
	if testing.Short() {
		t.Skip("the 32 MB chain is built at test time")
	}
	n := sizeLimit / 107 // bytes per link
	data = chainSpec(n, "      type: string\n")
	var err error
	mem := allocated(func() { _, err = Load(data, Options{URI: "chain.yaml"}) })
	want := "spec chain.yaml: line 6: a mapping of more than 10000 keys, the limit"
	if err == nil || err.Error() != want {
		t.Errorf("%d-schema chain (%d bytes): error = %v, want %q", n, len(data), err, want)
	}
	if mem > 64<<20 {
		t.Errorf("refusing the %d-byte chain allocated %d MB, want at most 64", len(data), mem>>20)
	}
	json := yamlToJSON(t, chainSpec(MaxMappingKeys+1, "      type: string\n"))
	_, err = Load(json, Options{URI: "chain.json"})
	if want := "spec chain.json: json: line 10: an object of more than 10000 keys, the limit"; err == nil || err.Error() != want {
		t.Errorf("JSON chain: error = %v, want %q", err, want)
	}
}

// TestNewlineSpecMemory loads a small definition followed by newlines up to
// the size limit, as YAML and as JSON: origin tracking cost 110 bytes a line
// (3.4 GB for JSON, 4.8 GB for YAML); now the load allocates less than a
// megabyte beyond the input.
func TestNewlineSpecMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("32 MB inputs")
	}
	pad := strings.Repeat("\n", sizeLimit-200)
	inputs := map[string]string{
		"yaml": "openapi: 3.0.1\ninfo: {title: x, version: \"1\"}\npaths: {}\n" + pad,
		"json": `{"openapi": "3.0.1", "info": {"title": "x", "version": "1"}, "paths": {}}` + pad,
	}
	for form, in := range inputs {
		data := []byte(in)
		var err error
		mem := allocated(func() { _, err = Load(data, Options{URI: "newlines." + form}) })
		if err != nil {
			t.Errorf("%s: %v", form, err)
		}
		t.Logf("%s: %d MB input, %d KB allocated", form, len(data)>>20, mem>>10)
		if mem > 64<<20 {
			t.Errorf("%s: loading %d MB allocated %d MB, want at most 64", form, len(data)>>20, mem>>20)
		}
	}
}
