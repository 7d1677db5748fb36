package spec

import (
	"bytes"
	"errors"
	"fmt"

	"gopkg.in/yaml.v3"
)

// yamlLine is one line of a YAML document as the block scanner sees it.
type yamlLine struct {
	no      int    // 1-based line number
	off     int    // byte offset of the line's first byte
	indent  int    // leading spaces
	content []byte // the line past its indent, without "\r"
}

// eachYAMLLine calls fn for every line that is neither blank nor a comment,
// until fn returns false.
func eachYAMLLine(data []byte, fn func(l yamlLine) bool) {
	no, off := 0, 0
	for len(data) > 0 {
		no++
		line, start := data, off
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
			off += i + 1
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
		if !fn(yamlLine{no: no, off: start, indent: indent, content: content}) {
			return
		}
	}
}

// checkYAML refuses a YAML document whose mappings or values pass the key
// budget (MaxMappingKeys, maxKeyPairs, MaxEntries). It counts line by line,
// which is cheap and stops where the budget runs out; a document the line
// count cannot read (anchors, aliases and merge keys, which the decoder
// expands, and complex keys in flow style) is counted exactly from a node
// tree, which costs about 60 bytes of memory per byte of input, so only up
// to maxExactYAML bytes. The line count can only overcount where a
// multi-line plain scalar's continuation lines look like keys, which would
// take thousands of such lines in one scalar to matter.
func checkYAML(data []byte) error {
	_, err := scanYAML(data)
	return err
}

// scanYAML is checkYAML that also returns the document's outline, the
// block mappings that decodeYAMLPieces parses in pieces; the outline is nil
// when the line scanner could not read the document.
func scanYAML(data []byte) (*yamlOutline, error) {
	outline := &yamlOutline{pending: -1, long: -1}
	line, err := estimateYAMLKeys(data, outline)
	if err == nil {
		return outline, nil
	}
	if !errors.Is(err, errUnreadable) {
		return nil, err
	}
	if len(data) > maxExactYAML {
		return nil, fmt.Errorf("line %d: YAML anchors, aliases and complex keys are read only in documents up to %d MB, and this one holds %.1f MB: write it without them, or as JSON",
			line, maxExactYAML>>20, float64(len(data))/(1<<20))
	}
	return nil, countYAMLKeys(data)
}

// maxExactYAML is the largest YAML document checkYAML counts from a node
// tree: 4 MB, 2.7 times the real 20.0 definition, a tree of about 250 MB.
const maxExactYAML = 4 << 20

// errUnreadable marks a document the line scanner cannot count.
var errUnreadable = errors.New("not countable line by line")

// keyFrame is an open block mapping: the column of its keys, how many it
// has so far and the line it started on.
type keyFrame struct{ col, n, line int }

// estimateYAMLKeys charges the mappings and sequences of data against a key
// budget, block style by indentation and flow style (over any number of
// lines) by brackets. It returns errUnreadable, and the line, for a
// document it cannot count. When outline is not nil it records there the
// lines outside flow collections and multi-line scalars (yamlOutline).
func estimateYAMLKeys(data []byte, outline *yamlOutline) (int, error) {
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
	var flow flowState
	var quote byte     // inside a multi-line quoted block scalar: its quote
	scalarIndent := -1 // inside a block scalar: its key's column
	at := 0
	eachYAMLLine(data, func(l yamlLine) bool {
		at = l.no
		switch {
		case flow.open():
			err = flow.feed(l.content, budget, l.no)
			return err == nil
		case quote != 0:
			if quoteEnd(l.content, quote) >= 0 {
				quote = 0
			}
			return true
		case scalarIndent >= 0 && l.indent > scalarIndent:
			return true
		}
		scalarIndent = -1
		col, content := l.indent, l.content
		var value []byte
		ok := false
		if outline != nil {
			defer func() { outline.see(l, col, content, value, ok) }()
		}
		for len(content) > 0 && content[0] == '-' && (len(content) == 1 || content[1] == ' ') {
			pop(col)
			if err = budget.items(1, func() string { return fmt.Sprintf("line %d", l.no) }); err != nil {
				return false
			}
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
		var key string
		key, value, ok = yamlKeyValue(content)
		if content[0] == '?' && len(content) > 2 && content[1] == ' ' && content[2] != '{' && content[2] != '[' {
			key, value, ok = string(content[2:]), nil, true // a long key written "? key"
		}
		if !ok {
			switch content[0] {
			case '{', '[':
				err = flow.feed(content, budget, l.no)
			case '?', '&', '*':
				err = errUnreadable
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
		if len(value) == 0 {
			return true
		}
		switch value[0] {
		case '|', '>':
			scalarIndent = col
		case '{', '[':
			err = flow.feed(value, budget, l.no)
		case '"', '\'':
			if quoteEnd(value[1:], value[0]) < 0 {
				quote = value[0]
			}
		}
		return err == nil
	})
	if err == nil {
		pop(-1)
	}
	return at, err
}

// quoteEnd returns the index just past the quote q that closes a quoted
// scalar in s (s starts inside it), -1 when s does not close it.
func quoteEnd(s []byte, q byte) int {
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\' && q == '"':
			i++
		case s[i] == q && q == '\'' && i+1 < len(s) && s[i+1] == '\'':
			i++ // '' is a quote inside single quotes
		case s[i] == q:
			return i + 1
		}
	}
	return -1
}

// flowState counts flow collections ({a: 1, b: [x, y]}) across lines.
type flowState struct {
	stack []flowOpen
	quote byte // inside a quoted scalar: its quote
	last  byte // the last character outside quotes and spaces
}

// flowOpen is an open flow collection.
type flowOpen struct {
	mapping bool
	expect  bool // the next character other than a space starts an element
	n       int  // elements so far
	line    int
}

// open reports whether a flow collection is still open.
func (f *flowState) open() bool { return len(f.stack) > 0 }

// feed scans one line of flow content, charging each collection as it
// closes. An anchor, alias or complex key is errUnreadable; text after the
// outermost collection closes (a comment) is ignored.
func (f *flowState) feed(s []byte, budget *keyBudget, line int) error {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if f.quote != 0 {
			end := quoteEnd(s[i:], f.quote)
			if end < 0 {
				return nil
			}
			i += end - 1
			f.quote = 0
			continue
		}
		if c == ' ' || c == '\t' {
			continue
		}
		if len(f.stack) == 0 {
			if c != '{' && c != '[' {
				return nil // past the outermost collection
			}
		} else if top := &f.stack[len(f.stack)-1]; top.expect && c != ',' && c != '}' && c != ']' {
			top.expect = false
			top.n++
		}
		startsScalar := f.last == 0 || f.last == '[' || f.last == '{' || f.last == ',' || f.last == ':'
		switch c {
		case '"', '\'':
			// A quote opens a quoted scalar only where a scalar starts; in
			// a plain one ("the Machine's Id.") it is text.
			if startsScalar {
				f.quote = c
			}
		case ':':
			// A value indicator only before a space, the line's end or a
			// flow indicator, or right after a quoted key ("a":1); in a
			// plain scalar (http://host) it is text.
			if i+1 < len(s) && s[i+1] != ' ' && s[i+1] != '\t' && s[i+1] != ',' && s[i+1] != '}' && s[i+1] != ']' && f.last != '"' && f.last != '\'' {
				c = 'x'
			}
		case '&', '*', '?':
			if startsScalar {
				return errUnreadable
			}
		case '#':
			if i > 0 && (s[i-1] == ' ' || s[i-1] == '\t') {
				return nil
			}
		case '{', '[':
			f.stack = append(f.stack, flowOpen{mapping: c == '{', expect: true, line: line})
		case ',':
			f.stack[len(f.stack)-1].expect = true
		case '}', ']':
			top := f.stack[len(f.stack)-1]
			f.stack = f.stack[:len(f.stack)-1]
			where := func() string { return fmt.Sprintf("line %d", top.line) }
			if top.mapping {
				if err := budget.charge(top.n, where); err != nil {
					return err
				}
			} else if err := budget.items(top.n, where); err != nil {
				return err
			}
		}
		f.last = c
	}
	return nil
}

// yamlKeyValue splits a block mapping line "key: value" (key plain, quoted
// or tagged); ok is false for a line that is not one.
func yamlKeyValue(content []byte) (key string, value []byte, ok bool) {
	if len(content) == 0 {
		return "", nil, false
	}
	var rest []byte
	switch content[0] {
	case '"', '\'':
		end := quoteEnd(content[1:], content[0])
		if end < 0 {
			return "", nil, false
		}
		key, rest = string(content[1:end]), bytes.TrimLeft(content[end+1:], " \t")
	case '!':
		i := bytes.IndexAny(content, " \t")
		if i < 0 {
			return "", nil, false
		}
		return yamlKeyValue(bytes.TrimLeft(content[i:], " \t"))
	case '{', '[', '?', '&', '*', '|', '>', '#':
		return "", nil, false
	default:
		i := plainKeyEnd(content)
		if i < 0 {
			return "", nil, false
		}
		key, rest = string(bytes.TrimRight(content[:i], " \t")), content[i:]
	}
	if len(rest) == 0 || rest[0] != ':' || len(rest) > 1 && rest[1] != ' ' && rest[1] != '\t' {
		return "", nil, false
	}
	value = bytes.TrimSpace(rest[1:])
	// A comment starts at " #" past a quoted value's closing quote: inside
	// the quotes ('it''s #1') it is text.
	from := 0
	if len(value) > 0 && (value[0] == '"' || value[0] == '\'') {
		if end := quoteEnd(value[1:], value[0]); end >= 0 {
			from = end + 1
		} else {
			return key, value, true // a quoted value over more lines
		}
	}
	if i := bytes.Index(value[from:], []byte(" #")); i >= 0 {
		value = bytes.TrimSpace(value[:from+i])
	}
	return key, value, true
}

// plainKeyEnd returns the index of the colon that ends a plain key (one
// followed by a space, a tab or the end of the line), -1 when there is none.
func plainKeyEnd(content []byte) int {
	for i, c := range content {
		if c == ':' && (i+1 == len(content) || content[i+1] == ' ' || content[i+1] == '\t') {
			return i
		}
		if c == ' ' && i+1 < len(content) && content[i+1] == '#' {
			return -1 // a comment before any colon
		}
	}
	return -1
}

// countYAMLKeys charges every mapping and sequence of the document's node
// tree to a key budget, aliases counted again for each use (the decoder
// expands them).
func countYAMLKeys(data []byte) error {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil // the decoder reports it
	}
	type cost struct{ pairs, entries int64 }
	memo := map[*yaml.Node]cost{}
	var walk func(n *yaml.Node, depth int) (cost, error)
	walk = func(n *yaml.Node, depth int) (cost, error) {
		if n == nil || depth > maxJSONDepth {
			return cost{}, nil
		}
		if c, ok := memo[n]; ok {
			return c, nil
		}
		if n.Kind == yaml.AliasNode {
			return walk(n.Alias, depth+1)
		}
		memo[n] = cost{} // a cycle costs nothing more; the decoder refuses it
		var total cost
		switch n.Kind {
		case yaml.MappingNode:
			k := int64(len(n.Content) / 2)
			if k > MaxMappingKeys {
				return cost{}, fmt.Errorf("line %d: a mapping of %d keys, more than the limit of %d", n.Line, k, MaxMappingKeys)
			}
			total = cost{pairs: k * k, entries: k}
		case yaml.SequenceNode:
			total.entries = int64(len(n.Content))
		}
		for _, c := range n.Content {
			sub, err := walk(c, depth+1)
			if err != nil {
				return cost{}, err
			}
			total.pairs, total.entries = total.pairs+sub.pairs, total.entries+sub.entries
			if total.pairs > maxKeyPairs || total.entries > MaxEntries {
				budget := &keyBudget{pairs: total.pairs, entries: total.entries}
				where := func() string { return fmt.Sprintf("line %d", n.Line) }
				if err := budget.charge(0, where); err != nil {
					return cost{}, err
				}
			}
		}
		memo[n] = total
		return total, nil
	}
	_, err := walk(&root, 0)
	return err
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
