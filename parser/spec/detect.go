package spec

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// Input kinds told apart by detectKind.
const (
	kindOpenAPI3 = "openapi3"
	kindSwagger2 = "swagger2"
	kindSnapshot = "snapshot"
)

// snapshotKey is the top-level key that marks an orcgen spec snapshot.
const snapshotKey = "orcgenSpecSnapshot"

// errNotSpec reports input that has none of the top-level keys of a
// definition.
var errNotSpec = errors.New(`not a Swagger 2.0 or OpenAPI 3 definition: no top-level "swagger" or "openapi" field`)

// detectKind tells a Swagger 2.0 definition from an OpenAPI 3 one or a
// snapshot by their top-level keys, without decoding the whole document:
// kin-openapi's OpenAPI 3 loader accepts a 2.0 file and returns a document
// with no components, so the version has to be known first.
func detectKind(data []byte) (string, error) {
	var keys map[string]string
	var err error
	if isJSON(data) {
		keys, err = jsonTopLevel(data)
	} else {
		keys = yamlTopLevel(data)
	}
	if err != nil {
		return "", err
	}
	return kindOf(keys)
}

// kindOf maps the top-level version keys to an input kind.
func kindOf(keys map[string]string) (string, error) {
	if _, ok := keys[snapshotKey]; ok {
		return kindSnapshot, nil
	}
	if v, ok := keys["swagger"]; ok {
		if v != "2.0" {
			return "", fmt.Errorf("unsupported swagger version %q, want \"2.0\"", v)
		}
		return kindSwagger2, nil
	}
	if v, ok := keys["openapi"]; ok {
		if !strings.HasPrefix(v, "3.") {
			return "", fmt.Errorf("unsupported openapi version %q, want 3.x", v)
		}
		return kindOpenAPI3, nil
	}
	return "", errNotSpec
}

// isJSON reports whether data starts, past whitespace and a byte order
// mark, with a JSON object.
func isJSON(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	data = bytes.TrimLeft(data, " \t\r\n")
	return len(data) > 0 && data[0] == '{'
}

// jsonTopLevel returns the scalar values of the version keys of a JSON
// object, skipping every other value unread: with the scanner, or, when the
// scanner finds the document malformed, with encoding/json, whose error
// names the line and what is wrong.
func jsonTopLevel(data []byte) (map[string]string, error) {
	if keys, ok := scanTopLevel(trimBOM(data)); ok {
		return keys, nil
	}
	return decodeTopLevel(data)
}

// scanTopLevel is jsonTopLevel with the scanner; ok is false when the
// document is not an object the scanner can read.
func scanTopLevel(data []byte) (map[string]string, bool) {
	s := &jsonScanner{data: data}
	s.skipSpace()
	if s.pos >= len(s.data) || s.data[s.pos] != '{' {
		return nil, false
	}
	s.pos++
	keys := map[string]string{}
	for first := true; ; first = false {
		s.skipSpace()
		if first && s.pos < len(s.data) && s.data[s.pos] == '}' {
			return keys, true
		}
		if s.pos >= len(s.data) || s.data[s.pos] != '"' {
			return nil, false
		}
		raw, err := s.str()
		if err != nil {
			return nil, false
		}
		s.skipSpace()
		if s.pos >= len(s.data) || s.data[s.pos] != ':' {
			return nil, false
		}
		s.pos++
		s.skipSpace()
		start := s.pos
		if s.value(0) != nil {
			return nil, false
		}
		if key := jsonKey(raw); key == "swagger" || key == "openapi" || key == snapshotKey {
			keys[key] = strings.Trim(string(s.data[start:s.pos]), `"`)
		}
		s.skipSpace()
		if s.pos < len(s.data) && s.data[s.pos] == ',' {
			s.pos++
			continue
		}
		if s.pos < len(s.data) && s.data[s.pos] == '}' {
			return keys, true
		}
		return nil, false
	}
}

// decodeTopLevel is jsonTopLevel with encoding/json.
func decodeTopLevel(data []byte) (map[string]string, error) {
	dec := json.NewDecoder(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))))
	dec.UseNumber()
	if _, err := dec.Token(); err != nil {
		return nil, fmt.Errorf("json: %w", err)
	}
	keys := map[string]string{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, jsonSyntaxError(data, dec, err)
		}
		key, _ := tok.(string)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, jsonSyntaxError(data, dec, err)
		}
		if key == "swagger" || key == "openapi" || key == snapshotKey {
			keys[key] = strings.Trim(string(raw), `"`)
		}
	}
	return keys, nil
}

// jsonSyntaxError gives a JSON decoding error the line it happened on.
func jsonSyntaxError(data []byte, dec *json.Decoder, err error) error {
	off := dec.InputOffset()
	if se := (*json.SyntaxError)(nil); errors.As(err, &se) {
		off = se.Offset
	}
	line := 1 + bytes.Count(data[:min(int(off), len(data))], []byte("\n"))
	return fmt.Errorf("json: line %d: %w", line, err)
}

// yamlTopLevel returns the values of the version keys written at the start
// of a line of a block-style YAML document ("openapi: 3.0.1"). A document in
// flow style finds none and is reported as not a definition.
func yamlTopLevel(data []byte) map[string]string {
	keys := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, len(data)+1)
	for sc.Scan() {
		line := sc.Bytes()
		if len(line) == 0 || line[0] == ' ' || line[0] == '\t' || line[0] == '-' || line[0] == '#' {
			continue // not a top-level key: skipped without a copy
		}
		key, value, ok := strings.Cut(string(line), ":")
		if !ok {
			continue
		}
		key = strings.Trim(key, `"'`)
		if key == "swagger" || key == "openapi" || key == snapshotKey {
			value, _, _ = strings.Cut(value, " #")
			keys[key] = strings.Trim(strings.TrimSpace(value), `"'`)
		}
	}
	return keys
}
