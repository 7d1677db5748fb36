package golang

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
)

// LockSchemaVersion is the version of the lock file's JSON form.
const LockSchemaVersion = 1

// LockFile is the default file name of the names lock, written next to the
// generated files.
const LockFile = "orcgen.lock.json"

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

// ParseLock decodes a lock file strictly: unknown fields, an unknown schema
// version, codes out of order or a code without identifiers are errors.
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
	for i, c := range l.Codes {
		if len(c.Identifiers) == 0 {
			return nil, fmt.Errorf("parse names lock: code %d has no identifiers", c.Code)
		}
		if i > 0 && c.Code <= l.Codes[i-1].Code {
			return nil, fmt.Errorf("parse names lock: code %d after %d: codes must ascend", c.Code, l.Codes[i-1].Code)
		}
	}
	return &l, nil
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

// identifiers returns the locked identifiers of a code, nil when none.
func (l *Lock) identifiers(code int) []string {
	if l == nil {
		return nil
	}
	i, ok := slices.BinarySearchFunc(l.Codes, code, func(c LockedCode, code int) int { return c.Code - code })
	if !ok {
		return nil
	}
	return l.Codes[i].Identifiers
}
