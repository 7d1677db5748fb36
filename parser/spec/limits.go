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
