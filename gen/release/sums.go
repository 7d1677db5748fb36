package release

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"github.com/orcgen/orcgen/gen"
)

// SumsName is the checksum file written beside the bundle's files.
const SumsName = "SHA256SUMS"

// Sum is one line of a SHA256SUMS file.
type Sum struct {
	// SHA256 is the file's hex SHA-256.
	SHA256 string
	// Name is the file's name relative to the SHA256SUMS file.
	Name string
}

// Hash returns data's hex SHA-256.
func Hash(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// Sums returns the SHA256SUMS content for files, in the format
// "sha256sum -c" reads ("<hex>  <name>"), one line per file, sorted by
// name.
func Sums(files []gen.File) []byte {
	sorted := slices.Clone(files)
	slices.SortFunc(sorted, func(a, b gen.File) int { return strings.Compare(a.Path, b.Path) })
	var b bytes.Buffer
	for _, f := range sorted {
		fmt.Fprintf(&b, "%s  %s\n", Hash(f.Data), f.Path)
	}
	return b.Bytes()
}

// ParseSums reads a SHA256SUMS file as Sums writes it; any other line is an
// error naming it.
func ParseSums(data []byte) ([]Sum, error) {
	var out []Sum
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		hash, name, ok := strings.Cut(sc.Text(), "  ")
		if _, err := hex.DecodeString(hash); !ok || err != nil || len(hash) != 2*sha256.Size || name == "" || strings.ContainsAny(name, "/\\") {
			return nil, fmt.Errorf("%s line %d: not \"<sha256>  <name>\"", SumsName, n)
		}
		out = append(out, Sum{SHA256: hash, Name: name})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", SumsName, err)
	}
	return out, nil
}
