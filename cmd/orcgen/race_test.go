//go:build race

package main

// raceFactor stretches the hostile cases' memory bounds under the race
// detector, whose instrumentation allocates as the run does.
const raceFactor = 4
