//go:build !race

package main

// raceSlowdown is 1 without the race detector: the hostile cases' time
// limits hold as written.
const raceSlowdown = 1
