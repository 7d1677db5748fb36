package spec

import (
	"fmt"

	"github.com/orcgen/orcgen/model"
)

// MaxNames is the most distinct error names Load accepts across a
// definition's enums: about 100 times the 637 of the real 20.0 definition,
// the largest size orcgen is benchmarked at (BENCHMARKS.md). A definition
// with far more is not Orchestrator's, and every name becomes a constant of
// the generated Go package, so time and memory grow with it.
const MaxNames = 1 << 16

// checkLimits refuses facts beyond the limits orcgen's outputs are sized
// for.
func checkLimits(s *model.Spec) error {
	seen := map[string]bool{}
	for _, e := range s.Enums {
		for _, v := range e.Values {
			seen[v] = true
		}
	}
	if len(seen) > MaxNames {
		return fmt.Errorf("enums hold %d distinct error names, more than the limit of %d", len(seen), MaxNames)
	}
	return nil
}

// MaxMappingKeys is the most keys one mapping (a JSON object) may hold. The
// YAML decoder of kin-openapi compares every key of a mapping with every
// other, so a mapping of k keys costs k² comparisons: 24,000 keys take about
// a second to decode, 96,000 keys 44 s. The real 20.0 definition's largest
// mapping (its component schemas) holds 477 keys; 10,000 is 21 times that.
// A chain of $refs needs one schema per link, so this also bounds how deep a
// chain of component schemas can be (the 6,000-schema chain loads; one that
// fills the 32 MB size limit is refused here).
const MaxMappingKeys = 10000

// maxKeyPairs bounds the sum of k² over every mapping of a document, the
// decoder's comparisons: 2.5e8, about half a second of decoding and 460
// times the 5.4e5 of the real 20.0 definition. Many mappings of a few
// thousand keys each would otherwise stay under MaxMappingKeys and still
// take minutes.
const maxKeyPairs = 250_000_000

// MaxEntries is the most values a document may hold, counting each
// mapping entry and each list item (46,054 in the real 20.0 definition).
// kin-openapi allocates about 1 KB for each as it decodes, so a definition
// of 3.5 million tiny entries, which fits in 32 MB, took 16 to 44 s and
// 4 to 6.5 GB; 500,000 keeps a load near half a gigabyte.
const MaxEntries = 500_000

// keyBudget charges each mapping's keys against MaxMappingKeys and
// maxKeyPairs, and every mapping entry and list item against MaxEntries.
type keyBudget struct {
	pairs   int64
	entries int64
}

// charge adds a mapping of n keys found at where() ("line 12").
func (b *keyBudget) charge(n int, where func() string) error {
	if n > MaxMappingKeys {
		return fmt.Errorf("%s: a mapping of %d keys, more than the limit of %d", where(), n, MaxMappingKeys)
	}
	b.pairs += int64(n) * int64(n)
	if b.pairs > maxKeyPairs {
		return fmt.Errorf("%s: the document's mappings are too large to decode in bounded time (the sum of their squared key counts passes %d)", where(), maxKeyPairs)
	}
	return b.items(n, where)
}

// items adds n list items (or mapping entries) found at where().
func (b *keyBudget) items(n int, where func() string) error {
	if b.entries += int64(n); b.entries > MaxEntries {
		return fmt.Errorf("%s: the document holds more than %d values (mapping entries and list items), the limit", where(), MaxEntries)
	}
	return nil
}
