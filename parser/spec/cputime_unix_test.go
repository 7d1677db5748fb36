//go:build unix

package spec

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time the process has used, user and system: the
// benchmarks' ratios use it because, unlike wall time, it hardly moves
// when other processes compete for the cores.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
