package spec

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// errJSONSyntax reports input the scanner cannot read; the caller lets
// encoding/json say what is wrong.
var errJSONSyntax = errors.New("json syntax error")

// maxJSONDepth is how deeply objects and arrays may nest, encoding/json's
// own limit.
const maxJSONDepth = 10000

// jsonScanner walks a JSON document without decoding it: checkJSON uses it
// to refuse duplicate keys and oversized objects, jsonPropertyOrder to read
// the keys of one object in document order.
type jsonScanner struct {
	data   []byte
	pos    int
	limits *keyBudget // nil: no checks, only skipping
}

// checkJSON refuses a JSON document holding an object with a duplicate key
// (encoding/json would keep the last silently; the YAML decoder refuses
// them) or objects beyond the key budget, naming the line.
func checkJSON(data []byte) error {
	s := &jsonScanner{data: data, limits: &keyBudget{}}
	s.skipSpace()
	if err := s.value(0); err != nil {
		if errors.Is(err, errJSONSyntax) {
			return nil // encoding/json reports it with its own words
		}
		return err
	}
	return nil
}

// line returns the 1-based line of byte offset off.
func (s *jsonScanner) line(off int) int {
	return 1 + bytes.Count(s.data[:min(off, len(s.data))], []byte("\n"))
}

func (s *jsonScanner) skipSpace() {
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case ' ', '\t', '\r', '\n':
			s.pos++
		default:
			return
		}
	}
}

// value reads the value at pos (past leading space), checking objects when
// the scanner has limits.
func (s *jsonScanner) value(depth int) error {
	if s.pos >= len(s.data) || depth > maxJSONDepth {
		return errJSONSyntax
	}
	switch s.data[s.pos] {
	case '{':
		return s.object(depth)
	case '[':
		return s.array(depth)
	case '"':
		_, err := s.str()
		return err
	}
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case ',', '}', ']', ' ', '\t', '\r', '\n':
			return nil
		}
		s.pos++
	}
	return nil
}

// str reads a string at pos and returns its raw contents (escapes kept).
func (s *jsonScanner) str() ([]byte, error) {
	start := s.pos + 1
	for i := start; i < len(s.data); i++ {
		switch s.data[i] {
		case '\\':
			i++
		case '"':
			s.pos = i + 1
			return s.data[start:i], nil
		}
	}
	return nil, errJSONSyntax
}

// object reads an object at pos. With limits it refuses a duplicate key and
// charges the object's keys to the budget.
func (s *jsonScanner) object(depth int) error {
	open := s.pos
	s.pos++
	var keys map[string]struct{}
	n := 0
	for {
		s.skipSpace()
		if s.pos < len(s.data) && s.data[s.pos] == '}' && n == 0 {
			s.pos++
			break
		}
		if s.pos >= len(s.data) || s.data[s.pos] != '"' {
			return errJSONSyntax
		}
		keyAt := s.pos
		raw, err := s.str()
		if err != nil {
			return err
		}
		n++
		if s.limits != nil && n > MaxMappingKeys {
			return fmt.Errorf("json: line %d: an object of more than %d keys, the limit", s.line(open), MaxMappingKeys)
		}
		if s.limits != nil {
			if keys == nil {
				keys = map[string]struct{}{}
			}
			key := jsonKey(raw)
			if _, dup := keys[key]; dup {
				return fmt.Errorf("json: line %d: duplicate key %q", s.line(keyAt), key)
			}
			keys[key] = struct{}{}
		}
		s.skipSpace()
		if s.pos >= len(s.data) || s.data[s.pos] != ':' {
			return errJSONSyntax
		}
		s.pos++
		s.skipSpace()
		if err := s.value(depth + 1); err != nil {
			return err
		}
		s.skipSpace()
		if s.pos < len(s.data) && s.data[s.pos] == ',' {
			s.pos++
			continue
		}
		if s.pos < len(s.data) && s.data[s.pos] == '}' {
			s.pos++
			break
		}
		return errJSONSyntax
	}
	if s.limits != nil {
		return s.limits.charge(n, func() string { return fmt.Sprintf("json: line %d", s.line(open)) })
	}
	return nil
}

// array reads an array at pos, charging its items to the budget when the
// scanner has limits.
func (s *jsonScanner) array(depth int) error {
	open := s.pos
	s.pos++
	s.skipSpace()
	if s.pos < len(s.data) && s.data[s.pos] == ']' {
		s.pos++
		return nil
	}
	for n := 1; ; n++ {
		s.skipSpace()
		if err := s.value(depth + 1); err != nil {
			return err
		}
		s.skipSpace()
		if s.pos >= len(s.data) {
			return errJSONSyntax
		}
		switch s.data[s.pos] {
		case ',':
			s.pos++
		case ']':
			s.pos++
			if s.limits != nil {
				return s.limits.items(n, func() string { return fmt.Sprintf("json: line %d", s.line(open)) })
			}
			return nil
		default:
			return errJSONSyntax
		}
	}
}

// jsonKey returns a raw key's text, escapes decoded.
func jsonKey(raw []byte) string {
	if bytes.IndexByte(raw, '\\') < 0 {
		return string(raw)
	}
	var k string
	if err := json.Unmarshal(append(append([]byte{'"'}, raw...), '"'), &k); err != nil {
		return string(raw)
	}
	return k
}

// jsonPropertyOrder returns the keys of the object at path (a sequence of
// object keys from the root) in document order; ok is false when there is
// no such object.
func jsonPropertyOrder(data []byte, path []string) (keys []string, ok bool) {
	s := &jsonScanner{data: bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))}
	s.skipSpace()
	for _, want := range path {
		if !s.enter(want) {
			return nil, false
		}
	}
	keys, err := s.keys()
	return keys, err == nil
}

// enter moves pos from the start of an object to the start of the value of
// its key want, skipping the values before it.
func (s *jsonScanner) enter(want string) bool {
	if s.pos >= len(s.data) || s.data[s.pos] != '{' {
		return false
	}
	s.pos++
	for {
		s.skipSpace()
		if s.pos >= len(s.data) || s.data[s.pos] != '"' {
			return false
		}
		raw, err := s.str()
		if err != nil {
			return false
		}
		s.skipSpace()
		if s.pos >= len(s.data) || s.data[s.pos] != ':' {
			return false
		}
		s.pos++
		s.skipSpace()
		if jsonKey(raw) == want {
			return true
		}
		if s.value(0) != nil {
			return false
		}
		s.skipSpace()
		if s.pos >= len(s.data) || s.data[s.pos] != ',' {
			return false
		}
		s.pos++
	}
}

// keys returns the keys of the object at pos in order.
func (s *jsonScanner) keys() ([]string, error) {
	if s.pos >= len(s.data) || s.data[s.pos] != '{' {
		return nil, errJSONSyntax
	}
	s.pos++
	keys := []string{}
	for {
		s.skipSpace()
		if s.pos < len(s.data) && s.data[s.pos] == '}' && len(keys) == 0 {
			return keys, nil
		}
		if s.pos >= len(s.data) || s.data[s.pos] != '"' {
			return nil, errJSONSyntax
		}
		raw, err := s.str()
		if err != nil {
			return nil, err
		}
		keys = append(keys, jsonKey(raw))
		s.skipSpace()
		if s.pos >= len(s.data) || s.data[s.pos] != ':' {
			return nil, errJSONSyntax
		}
		s.pos++
		s.skipSpace()
		if err := s.value(0); err != nil {
			return nil, err
		}
		s.skipSpace()
		if s.pos < len(s.data) && s.data[s.pos] == ',' {
			s.pos++
			continue
		}
		if s.pos < len(s.data) && s.data[s.pos] == '}' {
			return keys, nil
		}
		return nil, errJSONSyntax
	}
}
