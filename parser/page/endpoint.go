package page

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/orcgen/orcgen/model"
)

// isMethod reports whether s is an upper-case HTTP method an endpoint item
// or inline mention can name.
func isMethod(s string) bool {
	switch s {
	case "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS":
		return true
	}
	return false
}

// isConnector reports whether s is a short lower-case word joining methods
// or paths ("and", "or", and their translations "y", "und", "ou" ...).
func isConnector(s string) bool {
	if s == "" || len([]rune(s)) > 4 {
		return false
	}
	for _, r := range s {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// ParseEndpointItem parses one endpoint list item of the page, "METHODS -
// PATH", where METHODS reads "POST", "POST and PUT" or "POST, PUT, and
// PATCH" and PATH starts with "/" ("POST and PUT - /odata/Assets").
func ParseEndpointItem(s string) (model.Endpoint, error) {
	s = fold(s)
	// A hyphen, an en dash or an em dash, with spaces around.
	for _, dash := range []string{" - ", " \u2013 ", " \u2014 "} {
		if ms, path, ok := strings.Cut(s, dash); ok {
			return endpointItem(s, ms, path)
		}
	}
	return model.Endpoint{}, fmt.Errorf("endpoint item %q: no \" - \" between methods and path", s)
}

// endpointItem builds the endpoint of item s from its methods and path parts.
func endpointItem(s, ms, path string) (model.Endpoint, error) {
	list, err := parseMethods(ms)
	if err != nil {
		return model.Endpoint{}, fmt.Errorf("endpoint item %q: %w", s, err)
	}
	p, err := cleanPath(path)
	if err != nil {
		return model.Endpoint{}, fmt.Errorf("endpoint item %q: %w", s, err)
	}
	return model.Endpoint{Methods: list, Path: p}, nil
}

// parseMethods reads "POST", "POST and PUT" or "POST, PUT, and PATCH".
func parseMethods(s string) ([]string, error) {
	var list []string
	for _, w := range strings.Fields(strings.ReplaceAll(s, ",", " ")) {
		switch {
		case isMethod(w) && slices.Contains(list, w):
			return nil, fmt.Errorf("method %q named twice", w)
		case isMethod(w):
			list = append(list, w)
		case !isConnector(w):
			return nil, fmt.Errorf("%q is not an HTTP method", w)
		}
	}
	if len(list) == 0 {
		return nil, errors.New("no HTTP method")
	}
	return list, nil
}

// cleanPath returns the endpoint path of s: backquotes around it and a
// trailing ".", ",", ";" or ":" removed. It fails on a path that does not
// start with "/", holds white space, or is cut off (an unclosed backquote,
// bracket, brace, parenthesis or quote).
func cleanPath(s string) (string, error) {
	p := strings.TrimRight(strings.TrimSpace(s), ".,;:")
	if len(p) >= 2 && p[0] == '`' && p[len(p)-1] == '`' {
		p = p[1 : len(p)-1]
	}
	switch {
	case p == "":
		return "", errors.New("no path")
	case strings.ContainsRune(p, '`') || !balanced(p):
		return "", fmt.Errorf("path %q is cut off", p)
	case p[0] != '/':
		return "", fmt.Errorf("path %q does not start with \"/\"", p)
	case strings.IndexFunc(p, unicode.IsSpace) >= 0:
		return "", fmt.Errorf("path %q holds white space", p)
	}
	return p, nil
}

// balanced reports whether every bracket, brace and parenthesis of s is
// closed in order and its single quotes pair up.
func balanced(s string) bool {
	var stack []rune
	pairs := map[rune]rune{')': '(', ']': '[', '}': '{'}
	for _, r := range s {
		switch r {
		case '(', '[', '{':
			stack = append(stack, r)
		case ')', ']', '}':
			if len(stack) == 0 || stack[len(stack)-1] != pairs[r] {
				return false
			}
			stack = stack[:len(stack)-1]
		}
	}
	return len(stack) == 0 && strings.Count(s, "'")%2 == 0
}
