package testenv

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// HashTree returns the hex SHA-256 of every file below dir, hidden and
// temporary files included, by slash path relative to dir; an empty map
// when dir does not exist. Comparing two calls shows whether a run changed,
// added or left behind any file.
func HashTree(t testing.TB, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for name, data := range ReadTree(t, dir) {
		sum := sha256.Sum256(data)
		out[name] = hex.EncodeToString(sum[:])
	}
	return out
}

// ReadTree returns the content of every file below dir, hidden and
// temporary files included, by slash path relative to dir; an empty map
// when dir does not exist.
func ReadTree(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil && !(errors.Is(err, fs.ErrNotExist) && len(out) == 0) {
		t.Fatal(err)
	}
	return out
}
