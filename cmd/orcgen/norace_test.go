//go:build !race

package main

// raceFactor is 1 without the race detector: the hostile cases' memory
// bounds hold as their expect.json states them.
const raceFactor = 1
