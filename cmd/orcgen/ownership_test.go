package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/orcgen/orcgen/gen"
	"github.com/orcgen/orcgen/internal/testenv"
	"github.com/orcgen/orcgen/model"
	"github.com/orcgen/orcgen/parser/defaults"
)

// agreeing checks that the output directory holds one generation: every
// file of the lock's manifest has the hash the lock records, and
// model.json's code names are exactly the Go package's Code constants.
func agreeing(t *testing.T, out string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(out, gen.DefaultLockPath))
	if err != nil {
		t.Fatal(err)
	}
	lock, err := gen.ParseLockfile(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range lock.Files {
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(f.Path)))
		if err != nil {
			t.Errorf("manifest file %s: %v", f.Path, err)
			continue
		}
		sum := sha256.Sum256(data)
		if hex.EncodeToString(sum[:]) != f.SHA256 {
			t.Errorf("%s is not the file the lock records", f.Path)
		}
	}
	var cat model.Catalog
	mdata, err := os.ReadFile(filepath.Join(out, gen.ModelPath))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(mdata, &cat); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join(out, "orcerr", "orcerr_gen.go"))
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range cat.Codes {
		if !bytes.Contains(src, fmt.Appendf(nil, "\t%s Code = %d\n", c.Name, c.Code)) {
			t.Errorf("model.json names code %d %s, the Go package does not", c.Code, c.Name)
		}
		if lock.Codes[i].Identifiers[0] != c.Name {
			t.Errorf("lock names code %d %s, model.json %s", c.Code, lock.Codes[i].Identifiers[0], c.Name)
		}
	}
}

// TestConcurrentGenerate runs ten generate commands at once on one output
// directory, two page versions alternating, three times over: runs take
// turns (gen.LockDir), so the directory always ends up holding one
// generation, and the last version's deprecated alias is never lost.
func TestConcurrentGenerate(t *testing.T) {
	dir := t.TempDir()
	pages := []string{filepath.Join(dir, "a.html"), filepath.Join(dir, "b.html")}
	if err := os.WriteFile(pages[0], defaults.Page, 0o644); err != nil {
		t.Fatal(err)
	}
	// Version b states a page name for code 1050, whose name is derived
	// from its message in version a: the constant changes and the earlier
	// identifier must stay as an alias, whichever version runs last.
	b := bytes.Replace(defaults.Page, []byte("<td><p>Cannot include specified relationship.</p></td>"), []byte("<td><p><code>RelationshipNotIncludable</code> Cannot include specified relationship.</p></td>"), 1)
	if bytes.Equal(b, defaults.Page) {
		t.Fatal("the page fixture changed: no row to edit")
	}
	if err := os.WriteFile(pages[1], b, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	t.Setenv("ORCGEN_CACHE", "off")
	// The name version a gives code 1050, learnt from a generation of its own.
	first := filepath.Join(dir, "first")
	if code := run([]string{"generate", "-page", pages[0], "-out", first, "-artifacts", "model"}, io.Discard, io.Discard); code != exitOK {
		t.Fatalf("generate exited %d", code)
	}
	nameA := codeName(t, first, 1050)
	for round := range 3 {
		var wg sync.WaitGroup
		codes := make([]int, 10)
		for i := range 10 {
			wg.Go(func() {
				codes[i] = run([]string{"generate", "-page", pages[i%2], "-out", out}, io.Discard, io.Discard)
			})
		}
		wg.Wait()
		for i, c := range codes {
			if c != exitOK {
				t.Fatalf("round %d: run %d exited %d", round, i, c)
			}
		}
		agreeing(t, out)
	}
	src, err := os.ReadFile(filepath.Join(out, "orcerr", "orcerr_gen.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"RelationshipNotIncludable Code = ", nameA + " Code = "} {
		if !bytes.Contains(src, []byte(id)) {
			t.Errorf("the alternating runs lost %q", id)
		}
	}
	buildPackage(t, out)
}

// codeName returns the name model.json in out gives code.
func codeName(t *testing.T, out string, code int) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(out, gen.ModelPath))
	if err != nil {
		t.Fatal(err)
	}
	var cat model.Catalog
	if err := json.Unmarshal(data, &cat); err != nil {
		t.Fatal(err)
	}
	for _, c := range cat.Codes {
		if c.Code == code {
			return c.Name
		}
	}
	t.Fatalf("no code %d", code)
	return ""
}

// buildPackage builds the generated Go package in its own module.
func buildPackage(t *testing.T, out string) {
	t.Helper()
	if testing.Short() {
		return
	}
	if err := os.WriteFile(filepath.Join(out, "go.mod"), []byte("module example.com/out\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "build", "./orcerr")
	cmd.Dir = out
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, msg)
	}
}

// TestInterruptStopsAtStageBoundary cancels a generate (as SIGINT does)
// as it starts reading the spec: that stage is abandoned, no later stage
// starts, the run exits 2 saying it was interrupted, and the output
// directory is byte for byte as before.
func TestInterruptStopsAtStageBoundary(t *testing.T) {
	out := t.TempDir()
	if code := run([]string{"generate", "-out", out}, io.Discard, io.Discard); code != exitOK {
		t.Fatalf("first generate exited %d", code)
	}
	before := testenv.HashTree(t, out)
	page := filepath.Join(t.TempDir(), "p.html")
	if err := os.WriteFile(page, bytes.Replace(defaults.Page, []byte("Robot does not exist."), []byte("Robot is missing."), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var mu sync.Mutex
	var started []string
	stageStarted = func(name string) {
		mu.Lock()
		defer mu.Unlock()
		started = append(started, name)
		if name == "read spec" {
			cancel() // the signal arrives during this stage
		}
	}
	defer func() { stageStarted = nil }()
	var stderr bytes.Buffer
	a := &app{stdout: io.Discard, stderr: &stderr}
	code := a.exitCode(runGenerate(ctx, a, []string{"-page", page, "-out", out}))
	if code != exitFail {
		t.Errorf("interrupted generate exited %d, want %d", code, exitFail)
	}
	mu.Lock()
	for _, later := range []string{"join", "generate", writeStage} {
		if slices.Contains(started, later) {
			t.Errorf("stage %q started after the interrupt (stages: %q)", later, started)
		}
	}
	mu.Unlock()
	// The page and the spec are read at once: the interrupt finds the page
	// read, under way or not yet started.
	if msg := stderr.String(); !strings.HasPrefix(msg, "orcgen: interrupted ") || !strings.HasSuffix(msg, " read page; nothing written: context canceled\n") && !strings.HasSuffix(msg, " read spec; nothing written: context canceled\n") {
		t.Errorf("stderr = %q", msg)
	}
	if after := testenv.HashTree(t, out); !maps.Equal(before, after) {
		t.Error("the interrupted run changed the output directory")
	}
}

// TestLockUpgrade regenerates a tree whose lock is of schemaVersion 1
// (identifiers only, no manifest), as trees committed before the manifest
// are: generate adopts its files without a refusal and writes a lock of
// version 2 that lists them.
func TestLockUpgrade(t *testing.T) {
	out := t.TempDir()
	if code := run([]string{"generate", "-out", out}, io.Discard, io.Discard); code != exitOK {
		t.Fatalf("generate exited %d", code)
	}
	lockPath := filepath.Join(out, gen.DefaultLockPath)
	data, err := os.ReadFile(lockPath)
	if err != nil {
		t.Fatal(err)
	}
	var v2 map[string]json.RawMessage
	if err := json.Unmarshal(data, &v2); err != nil {
		t.Fatal(err)
	}
	v1, err := json.MarshalIndent(map[string]json.RawMessage{"schemaVersion": json.RawMessage("1"), "package": v2["package"], "codes": v2["codes"]}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(lockPath, v1, 0o644); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	if code := run([]string{"generate", "-out", out}, io.Discard, &stderr); code != exitOK {
		t.Fatalf("generate over a version 1 lock exited %d: %s", code, stderr.String())
	}
	if got, _ := os.ReadFile(lockPath); !bytes.Equal(got, data) {
		t.Errorf("the upgraded lock differs from a fresh one:\n%s", got)
	}
}
