//go:build !unix

package spec

import "time"

// cpuTime is not measured on this platform; the benchmarks' CPU ratios
// are then NaN.
func cpuTime() time.Duration { return 0 }
