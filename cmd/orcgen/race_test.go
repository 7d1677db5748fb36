//go:build race

package main

// raceSlowdown stretches the hostile cases' time limits under the race
// detector, which runs this code 5 to 10 times slower; the limits still
// catch a hang.
const raceSlowdown = 10
