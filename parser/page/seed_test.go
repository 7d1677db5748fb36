package page_test

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/orcgen/orcgen/internal/testenv"
)

// seedRow is one row of response-codes.seed.txt: the text and description
// as the plain-text rendering shows them, whitespace folded.
type seedRow struct {
	code int
	text string
	desc string
}

var seedCodeLine = regexp.MustCompile(`^([0-9]{4}) \|$`)

// readSeed reads the rows of the shared seed. Each row is a "CODE |" line
// followed by the Text and Description cells, each closed by "|".
func readSeed(t *testing.T) []seedRow {
	t.Helper()
	data, err := os.ReadFile(testenv.Shared(t, "docs", "response-codes.seed.txt"))
	if err != nil {
		t.Fatal(err)
	}
	_, body, ok := strings.Cut(string(data), "---|---|---|\n")
	if !ok {
		t.Fatal("seed: no table rule")
	}
	var rows []seedRow
	var cells strings.Builder
	flush := func() {
		if len(rows) == 0 {
			return
		}
		parts := strings.Split(cells.String(), "|")
		rows[len(rows)-1].text = strings.Join(strings.Fields(parts[0]), " ")
		if len(parts) > 1 {
			rows[len(rows)-1].desc = strings.Join(strings.Fields(parts[1]), " ")
		}
		cells.Reset()
	}
	for _, l := range strings.Split(body, "\n") {
		if m := seedCodeLine.FindStringSubmatch(l); m != nil {
			flush()
			code, _ := strconv.Atoi(m[1])
			rows = append(rows, seedRow{code: code})
			continue
		}
		cells.WriteString(l + "\n")
	}
	flush()
	if len(rows) != 119 {
		t.Fatalf("seed has %d rows, want 119", len(rows))
	}
	return rows
}
