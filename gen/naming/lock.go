package naming

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/token"
	"slices"
	"strings"

	"github.com/orcgen/orcgen/model/ident"
)

// LockSchemaVersion is the version of the identifiers part of the lock
// file's JSON form.
const LockSchemaVersion = 1

// Lock records every identifier orcgen has emitted for each code, so that
// regeneration never removes a constant downstream code may use.
type Lock struct {
	// SchemaVersion is LockSchemaVersion.
	SchemaVersion int `json:"schemaVersion"`
	// Package is the generated package's name.
	Package string `json:"package"`
	// Codes holds one entry per code, ascending by Code.
	Codes []LockedCode `json:"codes"`
}

// LockedCode is the identifiers emitted for one code: the current one first,
// then retired ones (kept as deprecated aliases), oldest last.
type LockedCode struct {
	// Code is the numeric error code.
	Code int `json:"code"`
	// Identifiers are the Go identifiers of the code, current first.
	Identifiers []string `json:"identifiers"`
}

// ParseLock decodes a lock file strictly and checks it with CheckLock.
func ParseLock(data []byte) (*Lock, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var l Lock
	if err := dec.Decode(&l); err != nil {
		return nil, fmt.Errorf("parse names lock: %w", err)
	}
	if l.SchemaVersion != LockSchemaVersion {
		return nil, fmt.Errorf("parse names lock: schemaVersion %d, want %d", l.SchemaVersion, LockSchemaVersion)
	}
	if err := CheckLock(&l); err != nil {
		return nil, err
	}
	return &l, nil
}

// CheckLock checks a lock read back from disk as fresh identifiers are
// checked: codes ascend, each has identifiers, every identifier is a valid
// exported Go identifier that the package's API does not declare, and no
// identifier belongs to two codes. The error names the offending entry.
func CheckLock(l *Lock) error {
	owner := map[string]int{}
	for i, c := range l.Codes {
		if len(c.Identifiers) == 0 {
			return fmt.Errorf("names lock: code %d has no identifiers", c.Code)
		}
		if i > 0 && c.Code <= l.Codes[i-1].Code {
			return fmt.Errorf("names lock: code %d after %d: codes must ascend", c.Code, l.Codes[i-1].Code)
		}
		for _, id := range c.Identifiers {
			switch {
			case !ident.Valid(id):
				return fmt.Errorf("names lock: code %d: identifier %q is not a valid exported Go identifier", c.Code, id)
			case slices.Contains(API(), id):
				return fmt.Errorf("names lock: code %d: identifier %q is declared by the generated package's API", c.Code, id)
			}
			if prev, dup := owner[id]; dup {
				return fmt.Errorf("names lock: code %d: identifier %q already belongs to code %d", c.Code, id, prev)
			}
			owner[id] = c.Code
		}
	}
	return nil
}

// Marshal encodes the lock deterministically, indented, with a trailing
// newline.
func (l *Lock) Marshal() ([]byte, error) {
	data, err := json.MarshalIndent(l, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("marshal names lock: %w", err)
	}
	return append(data, '\n'), nil
}

// Identifiers returns the locked identifiers of a code, current first; nil
// when the lock has none.
func (l *Lock) Identifiers(code int) []string {
	if l == nil {
		return nil
	}
	i, ok := slices.BinarySearchFunc(l.Codes, code, func(c LockedCode, code int) int { return c.Code - code })
	if !ok {
		return nil
	}
	return l.Codes[i].Identifiers
}

// CheckPackage reports whether name can be the generated package's name by
// Go's rules: an identifier, not the blank identifier, not a keyword, not
// main, and lower case by convention so that its directory is its name.
func CheckPackage(name string) error {
	switch {
	case name == "_":
		return fmt.Errorf("package name %q: the blank identifier is not a package name", name)
	case name == "main":
		return fmt.Errorf("package name %q: a main package cannot be imported", name)
	case !token.IsIdentifier(name):
		return fmt.Errorf("package name %q: not a Go identifier", name)
	case strings.ToLower(name) != name || !isASCII(name):
		return fmt.Errorf("package name %q: package names are lower-case ASCII", name)
	}
	return nil
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
