package spec

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// yamlLine is one line of a YAML document as the block scanner sees it.
type yamlLine struct {
	no      int    // 1-based line number
	indent  int    // leading spaces
	content []byte // the line past its indent, without "\r"
}

// eachYAMLLine calls fn for every line that is neither blank nor a comment,
// until fn returns false.
func eachYAMLLine(data []byte, fn func(l yamlLine) bool) {
	no := 0
	for len(data) > 0 {
		no++
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		line = bytes.TrimSuffix(line, []byte("\r"))
		indent := 0
		for indent < len(line) && line[indent] == ' ' {
			indent++
		}
		content := line[indent:]
		if len(bytes.TrimSpace(content)) == 0 || content[0] == '#' {
			continue
		}
		if !fn(yamlLine{no: no, indent: indent, content: content}) {
			return
		}
	}
}

// checkYAML refuses a YAML document whose mappings pass the key budget. It
// counts block-style keys line by line, which is cheap and stops at the
// first mapping past the limit; a document it cannot read that way (flow
// collections over several lines, complex keys, anchors and aliases) is
// counted exactly from a node tree. The line count can only overcount where
// a multi-line plain scalar's continuation lines look like keys, which would
// take thousands of such lines in one scalar to matter.
func checkYAML(data []byte) error {
	err := estimateYAMLKeys(data)
	if errors.Is(err, errUnreadable) {
		return countYAMLKeys(data)
	}
	return err
}

// errUnreadable marks a document the line scanner cannot count.
var errUnreadable = errors.New("not block-style YAML")

// keyFrame is an open block mapping: the column of its keys, how many it
// has so far and the line it started on.
type keyFrame struct{ col, n, line int }

// estimateYAMLKeys charges the block mappings of data against a key budget,
// returning errUnreadable for a document it cannot count.
func estimateYAMLKeys(data []byte) error {
	budget := &keyBudget{}
	var stack []keyFrame
	var err error
	pop := func(col int) {
		for len(stack) > 0 && stack[len(stack)-1].col > col && err == nil {
			f := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			err = budget.charge(f.n, func() string { return fmt.Sprintf("line %d", f.line) })
		}
	}
	scalarIndent := -1 // inside a block scalar: its key's column
	eachYAMLLine(data, func(l yamlLine) bool {
		if scalarIndent >= 0 && l.indent > scalarIndent {
			return true
		}
		scalarIndent = -1
		col, content := l.indent, l.content
		for len(content) > 0 && content[0] == '-' && (len(content) == 1 || content[1] == ' ') {
			if bytes.HasPrefix(l.content, []byte("---")) {
				return true
			}
			pop(col)
			n := 1
			for n < len(content) && content[n] == ' ' {
				n++
			}
			col, content = col+n, content[n:]
		}
		if len(content) == 0 {
			return true
		}
		if content[0] == ':' && (len(content) == 1 || content[1] == ' ') {
			return true // the value of a "? key": the key was counted
		}
		key, value, ok := yamlKeyValue(content)
		if content[0] == '?' && len(content) > 2 && content[1] == ' ' && content[2] != '{' && content[2] != '[' {
			key, value, ok = string(content[2:]), nil, true // a long key written "? key"
		}
		if !ok {
			if content[0] == '{' || content[0] == '[' || content[0] == '?' || content[0] == '&' || content[0] == '*' {
				err = flowKeys(content, budget, l.no)
			}
			return err == nil
		}
		if key == "<<" || len(value) > 0 && (value[0] == '&' || value[0] == '*') {
			err = errUnreadable
			return false
		}
		pop(col)
		if len(stack) > 0 && stack[len(stack)-1].col == col {
			top := &stack[len(stack)-1]
			if top.n++; top.n > MaxMappingKeys {
				err = fmt.Errorf("line %d: a mapping of more than %d keys, the limit", top.line, MaxMappingKeys)
				return false
			}
		} else {
			stack = append(stack, keyFrame{col: col, n: 1, line: l.no})
		}
		switch {
		case len(value) > 0 && (value[0] == '|' || value[0] == '>'):
			scalarIndent = col
		case len(value) > 0 && (value[0] == '{' || value[0] == '['):
			err = flowKeys(value, budget, l.no)
		}
		return err == nil
	})
	pop(-1)
	return err
}

// yamlKeyValue splits a block mapping line "key: value" (key plain or
// quoted); ok is false for a line that is not one.
func yamlKeyValue(content []byte) (key string, value []byte, ok bool) {
	var rest []byte
	switch content[0] {
	case '"', '\'':
		end := bytes.IndexByte(content[1:], content[0])
		if end < 0 {
			return "", nil, false
		}
		key, rest = string(content[1:end+1]), content[end+2:]
	case '{', '[', '?', '&', '*', '!', '|', '>', '#':
		return "", nil, false
	default:
		i := bytes.Index(content, []byte(": "))
		if i < 0 {
			if !bytes.HasSuffix(content, []byte(":")) {
				return "", nil, false
			}
			i = len(content) - 1
		}
		key, rest = string(content[:i]), content[i:]
	}
	if len(rest) == 0 || rest[0] != ':' || len(rest) > 1 && rest[1] != ' ' {
		return "", nil, false
	}
	value = bytes.TrimSpace(rest[1:])
	if i := bytes.Index(value, []byte(" #")); i >= 0 {
		value = bytes.TrimSpace(value[:i])
	}
	return key, value, true
}

// flowKeys charges the flow mappings written on one line ("{a: 1, b: 2}")
// to budget; a flow collection that does not close on its line, or an
// anchor, alias or complex key, is errUnreadable.
func flowKeys(s []byte, budget *keyBudget, line int) error {
	type open struct {
		mapping, expect bool // expect: the next non-space starts an element
		n               int
	}
	var stack []open
	var quote byte
scan:
	for i := 0; i < len(s); i++ {
		c := s[i]
		if quote != 0 {
			if c == '\\' && quote == '"' {
				i++
			} else if c == quote {
				quote = 0
			}
			continue
		}
		if len(stack) > 0 && stack[len(stack)-1].expect && c != ' ' && c != ',' && c != '}' && c != ']' {
			stack[len(stack)-1].expect = false
			stack[len(stack)-1].n++
		}
		switch c {
		case '"', '\'':
			quote = c
		case '&', '*', '?':
			return errUnreadable
		case '#':
			if i > 0 && s[i-1] == ' ' {
				break scan
			}
		case '{', '[':
			stack = append(stack, open{mapping: c == '{', expect: true})
		case ',':
			if len(stack) > 0 {
				stack[len(stack)-1].expect = true
			}
		case '}', ']':
			if len(stack) == 0 {
				return errUnreadable
			}
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if top.mapping && top.n > 0 {
				if err := budget.charge(top.n, func() string { return fmt.Sprintf("line %d", line) }); err != nil {
					return err
				}
			}
		}
	}
	if len(stack) > 0 || quote != 0 {
		return errUnreadable
	}
	return nil
}

// countYAMLKeys charges every mapping of the document's node tree, aliases
// counted once for each use (the decoder expands them), to a key budget.
func countYAMLKeys(data []byte) error {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil // the decoder reports it
	}
	budget := &keyBudget{}
	memo := map[*yaml.Node]int64{}
	var cost func(n *yaml.Node, depth int) (int64, error)
	cost = func(n *yaml.Node, depth int) (int64, error) {
		if n == nil || depth > maxJSONDepth {
			return 0, nil
		}
		if c, ok := memo[n]; ok {
			return c, nil
		}
		if n.Kind == yaml.AliasNode {
			return cost(n.Alias, depth+1)
		}
		memo[n] = 0 // a cycle costs nothing more; the decoder refuses it
		var total int64
		if n.Kind == yaml.MappingNode {
			k := int64(len(n.Content) / 2)
			if k > MaxMappingKeys {
				return 0, fmt.Errorf("line %d: a mapping of %d keys, more than the limit of %d", n.Line, k, MaxMappingKeys)
			}
			total = k * k
		}
		for _, c := range n.Content {
			sub, err := cost(c, depth+1)
			if err != nil {
				return 0, err
			}
			total += sub
			if total > maxKeyPairs {
				return 0, budget.charge(0, func() string { return fmt.Sprintf("line %d", n.Line) })
			}
		}
		memo[n] = total
		return total, nil
	}
	total, err := cost(&root, 0)
	if err != nil {
		return err
	}
	budget.pairs = total
	return budget.charge(0, func() string { return "line 1" })
}

// yamlPropertyOrder returns the keys of the mapping at path in a block-style
// YAML document, in document order: it finds the block of path's last key
// by indentation and decodes only that block. ok is false when the path is
// not written in block style.
func yamlPropertyOrder(data []byte, path []string) (keys []string, ok bool) {
	if len(path) == 0 {
		return nil, false
	}
	depth, col, parentCol := 0, 0, -1
	var block []byte
	start, blockCol := -1, 0
	eachYAMLLine(data, func(l yamlLine) bool {
		if start >= 0 {
			if l.indent <= blockCol {
				return false
			}
			block = append(block, bytes.Repeat([]byte(" "), l.indent-blockCol)...)
			block = append(append(block, l.content...), '\n')
			return true
		}
		if col < 0 {
			if l.indent <= parentCol {
				return false // an empty block
			}
			col = l.indent
		}
		if l.indent < col {
			return false // left the enclosing block without finding the key
		}
		key, value, isKey := yamlKeyValue(l.content)
		if !isKey || l.indent != col || key != path[depth] {
			return true
		}
		if depth == len(path)-1 {
			start, blockCol = l.no, l.indent
			block = append(append(block, "x: "...), value...)
			block = append(block, '\n')
			return true
		}
		if len(value) > 0 {
			return false // a flow-style value: not read here
		}
		depth++
		parentCol, col = col, -1 // the next line sets the child column
		return true
	})
	if start < 0 {
		return nil, false
	}
	var node yaml.Node
	if err := yaml.Unmarshal(block, &node); err != nil || len(node.Content) == 0 {
		return nil, false
	}
	m := node.Content[0]
	if m.Kind != yaml.MappingNode || len(m.Content) != 2 || m.Content[1].Kind != yaml.MappingNode {
		return nil, false
	}
	props := m.Content[1]
	for i := 0; i+1 < len(props.Content); i += 2 {
		keys = append(keys, props.Content[i].Value)
	}
	return keys, true
}

// trimBOM drops a leading UTF-8 byte order mark.
func trimBOM(data []byte) []byte {
	return bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
}

// propertyPathJoin names a path for diagnostics ("components/schemas/X").
func propertyPathJoin(path []string) string { return strings.Join(path, "/") }
