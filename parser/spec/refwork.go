package spec

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// maxRefWork bounds what kin-openapi's $ref resolver re-reads: it walks a
// component's inline content again for every $ref to it, so a response of
// 5,000 inline properties that 5,000 operations refer to (0.6 MB) took
// 12 s and 1.6 GB to load. The bound is on the sum, over the components,
// of the bytes of a component's definition times the $refs to it: 256 MB,
// about 30 times the real 20.0 definition's (refWork reports it).
const maxRefWork = 256 << 20

// refKinds are the component kinds whose $refs kin-openapi resolves by
// walking the target again, as paths from the document's root: OpenAPI 3
// keeps them under components, Swagger 2.0 at the top level.
var refKinds = [][]string{
	{"components", "schemas"}, {"components", "responses"}, {"components", "parameters"},
	{"components", "requestBodies"}, {"components", "headers"},
	{"definitions"}, {"parameters"}, {"responses"},
}

// checkRefWork refuses a definition whose $refs would make kin-openapi's
// resolver re-read more than maxRefWork bytes.
func checkRefWork(data []byte, json bool) error {
	work, worst, err := refWork(data, json)
	if err != nil || work <= maxRefWork {
		return err
	}
	return fmt.Errorf("$refs to %s and other components would have the resolver re-read %d MB of definitions, more than the limit of %d MB",
		worst, work>>20, maxRefWork>>20)
}

// refWork returns the bytes the resolver would re-read, and the component
// that contributes most ("#/components/responses/E").
func refWork(data []byte, json bool) (work int64, worst string, err error) {
	counts := refCounts(data)
	if len(counts) == 0 {
		return 0, "", nil
	}
	sizes := map[string]int{}
	switch {
	case json:
		jsonComponentSizes(data, sizes)
	case !yamlComponentSizes(data, sizes):
		if len(data) > maxExactYAML {
			return 0, "", fmt.Errorf("YAML components in flow style are read only in documents up to %d MB, and this one holds %.1f MB: write them in block style, or the document as JSON",
				maxExactYAML>>20, float64(len(data))/(1<<20))
		}
		treeComponentSizes(data, sizes)
	}
	var most int64
	for _, ref := range slices.Sorted(mapKeys(counts)) {
		w := int64(counts[ref]) * int64(sizes[ref])
		work += w
		if w > most {
			most, worst = w, ref
		}
	}
	return work, worst, nil
}

// mapKeys returns a map's keys.
func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// refCounts counts the local references to components by their text
// ("#/components/responses/E", "#/definitions/Item"), wherever they are
// written; a mention outside a $ref only makes the count larger.
func refCounts(data []byte) map[string]int {
	counts := map[string]int{}
	for i := 0; ; {
		j := bytes.Index(data[i:], []byte("#/"))
		if j < 0 {
			return counts
		}
		start := i + j
		end, slashes := start+2, 0
		for end < len(data) && !bytes.ContainsRune([]byte("\"' \t\r\n,}]"), rune(data[end])) {
			if data[end] == '/' {
				slashes++
			}
			end++
		}
		ref := string(data[start:end])
		if slashes == 2 && strings.HasPrefix(ref, "#/components/") || slashes == 1 && isRefKind(ref) {
			counts[ref]++
		}
		i = end
	}
}

// isRefKind reports whether a one-level ref ("#/definitions/Item") names a
// Swagger 2.0 component.
func isRefKind(ref string) bool {
	kind, _, _ := strings.Cut(strings.TrimPrefix(ref, "#/"), "/")
	return kind == "definitions" || kind == "parameters" || kind == "responses"
}

// jsonComponentSizes records the byte size of every component of the
// refKinds in a JSON document.
func jsonComponentSizes(data []byte, sizes map[string]int) {
	data = trimBOM(data)
	for _, kind := range refKinds {
		s := &jsonScanner{data: data}
		s.skipSpace()
		found := true
		for _, key := range kind {
			if found = s.enter(key); !found {
				break
			}
		}
		if !found {
			continue
		}
		prefix := "#/" + strings.Join(kind, "/") + "/"
		s.eachMember(func(name string, size int) {
			sizes[prefix+name] = size
		})
	}
}

// eachMember calls fn with each key of the object at pos and the byte size
// of its value.
func (s *jsonScanner) eachMember(fn func(key string, size int)) {
	for s.pos < len(s.data) && s.data[s.pos] != '{' {
		s.pos++
	}
	if s.pos >= len(s.data) {
		return
	}
	s.pos++
	for {
		s.skipSpace()
		if s.pos >= len(s.data) || s.data[s.pos] != '"' {
			return
		}
		raw, err := s.str()
		if err != nil {
			return
		}
		s.skipSpace()
		if s.pos >= len(s.data) || s.data[s.pos] != ':' {
			return
		}
		s.pos++
		s.skipSpace()
		start := s.pos
		if s.value(0) != nil {
			return
		}
		fn(jsonKey(raw), s.pos-start)
		s.skipSpace()
		if s.pos >= len(s.data) || s.data[s.pos] != ',' {
			return
		}
		s.pos++
	}
}

// yamlComponentSizes records the byte size of every component of the
// refKinds in a block-style YAML document: the lines of its block. It
// reports whether it found the components block-style (a definition
// without components has none to find).
func yamlComponentSizes(data []byte, sizes map[string]int) (blockStyle bool) {
	blockStyle = true
	var path []string // the keys leading to the line, one per level
	var cols []int    // the column of each level
	eachYAMLLine(data, func(l yamlLine) bool {
		for len(cols) > 0 && cols[len(cols)-1] >= l.indent {
			cols, path = cols[:len(cols)-1], path[:len(path)-1]
		}
		key, value, isKey := yamlKeyValue(l.content)
		if !isKey {
			key = ""
		}
		cols, path = append(cols, l.indent), append(path, strings.Trim(key, `"'`))
		for _, kind := range refKinds {
			n := len(kind)
			if len(path) <= n && slices.Equal(path, kind[:len(path)]) && len(value) > 0 && (value[0] == '{' || value[0] == '[') {
				blockStyle = false // the components in flow style
			}
			if len(path) < n || !slices.Equal(path[:n], kind) {
				continue
			}
			if len(path) > n && path[n] != "" {
				sizes["#/"+strings.Join(kind, "/")+"/"+path[n]] += l.indent + len(l.content) + 1
			}
		}
		return true
	})
	return blockStyle
}

// nodeBytes is what a node of a YAML tree is taken to weigh when a
// component's size is measured from the tree.
const nodeBytes = 20

// treeComponentSizes records the size of every component of the refKinds
// from the document's node tree, nodeBytes a node.
func treeComponentSizes(data []byte, sizes map[string]int) {
	var root yaml.Node
	if yaml.Unmarshal(data, &root) != nil || len(root.Content) == 0 {
		return
	}
	for _, kind := range refKinds {
		n := root.Content[0]
		for _, key := range kind {
			if n = mappingValue(n, key); n == nil {
				break
			}
		}
		if n == nil || n.Kind != yaml.MappingNode {
			continue
		}
		prefix := "#/" + strings.Join(kind, "/") + "/"
		for i := 0; i+1 < len(n.Content); i += 2 {
			sizes[prefix+n.Content[i].Value] = nodeBytes * countNodes(n.Content[i+1], 0)
		}
	}
}

// mappingValue returns the value of key in mapping n, nil when there is
// none.
func mappingValue(n *yaml.Node, key string) *yaml.Node {
	if n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// countNodes returns the number of nodes of a tree, aliases not followed.
func countNodes(n *yaml.Node, depth int) int {
	if depth > maxJSONDepth {
		return 0
	}
	total := 1
	for _, c := range n.Content {
		total += countNodes(c, depth+1)
	}
	return total
}
