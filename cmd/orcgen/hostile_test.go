package main

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/orcgen/orcgen/internal/testenv"
	"github.com/orcgen/orcgen/model"
)

// Bounds of one hostile case, unless its expect.json sets its own. None of
// them depends on the machine's speed.
//
// defaultMaxHeapMB: the real inputs make orcgen's heap grow by a few tens of
// MB; 256 MB leaves room for a 1 MB cell copied through every stage, while
// an unbounded expansion (an alias bomb, a quadratic copy) passes it at once.
//
// defaultMaxAllocMB bounds the bytes allocated over the run: the work done,
// counted. Generating the real page and spec allocates about 100 MB; a
// quadratic walk or copy passes 1 GB long before a clock would notice.
//
// hangCeiling is a generous ceiling documented as such, not a speed
// assertion: it only turns a hang into a failure of the case, long before
// go test's own timeout, on however loaded a machine.
const (
	defaultMaxHeapMB  = 256
	defaultMaxAllocMB = 1024
	hangCeiling       = 5 * time.Minute
)

// TestHostile runs orcgen on every case of testdata/hostile and checks the
// outcome its expect.json states: exit code and error message, the catalog,
// and for cases that generate, that the Go package compiles, vets and
// declares only what orcgen means, that the OpenAPI files validate and that
// the Markdown reads back intact. A failing case leaves the output
// directory as it was.
func TestHostile(t *testing.T) {
	root := filepath.Join(testenv.Root(), "testdata", "hostile")
	cases := loadHostileCases(t, root)
	fixed := fixedDeclarations(t, filepath.Join(testenv.Root(), "generated", "orcerr"))
	prev := previousGeneration(t)
	mod := newCheckModule(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.Slow && testing.Short() {
				t.Skip("slow case; skipped with -short")
			}
			c.run(t, prev, fixed, mod)
		})
	}
	t.Run("compile", mod.check)
}

// run runs one case and checks its outcome.
func (c *hostileCase) run(t *testing.T, prev string, fixed []string, mod *checkModule) {
	work := t.TempDir()
	pagePath, specPath := c.inputs(t, work)
	out := filepath.Join(work, "out")
	if !c.wantsOutput() {
		copyTree(t, prev, out)
	}
	before := testenv.HashTree(t, out)
	res := runBounded(t, c.args(pagePath, specPath, out), c.bounds())
	if res.exit != c.Exit {
		t.Fatalf("exit %d, want %d\nstderr:\n%s", res.exit, c.Exit, res.stderr)
	}
	c.checkStderr(t, res.stderr)
	if !c.wantsOutput() {
		if after := testenv.HashTree(t, out); !maps.Equal(after, before) {
			t.Errorf("output directory changed by a run that did not generate")
		}
	}
	switch {
	case c.Exit != 0:
		return
	case orDefault(c.Command, "generate") == "model":
		c.checkCatalog(t, decodeCatalog(t, []byte(res.stdout)))
	default:
		cat := decodeCatalog(t, readTestFile(t, filepath.Join(out, "model.json")))
		c.checkCatalog(t, cat)
		if c.ScaleOnly {
			return
		}
		checkOutput(t, out, cat, fixed)
		mod.add(t, c.name, filepath.Join(out, "orcerr"))
	}
}

// bounds returns the case's heap and allocation limits.
func (c *hostileCase) bounds() bounds {
	b := bounds{maxHeap: c.MaxHeapMB << 20, maxAlloc: c.MaxAllocMB << 20}
	if b.maxHeap == 0 {
		b.maxHeap = defaultMaxHeapMB << 20
	}
	if b.maxAlloc == 0 {
		b.maxAlloc = defaultMaxAllocMB << 20
	}
	// The race detector's instrumentation allocates too: the bounds
	// stretch under it (raceFactor), and hold as stated without it.
	b.maxHeap *= raceFactor
	b.maxAlloc *= raceFactor
	return b
}

// bounds are the limits of one run.
type bounds struct {
	maxHeap  uint64 // peak growth of the live heap, bytes
	maxAlloc uint64 // bytes allocated, the run's work
}

// result is what one run of orcgen returned and cost.
type result struct {
	exit           int
	stdout, stderr string
	elapsed        time.Duration // logged only: it depends on the machine
	peakHeap       uint64        // peak growth of the live heap over the run, bytes
	allocated      uint64        // bytes allocated over the run
}

// runBounded runs orcgen with args and fails t when its heap grows by more
// than b.maxHeap or it allocates more than b.maxAlloc bytes, or when it
// has not finished after hangCeiling. The heap and the allocations are
// sampled every millisecond; cases run one at a time, so they are the
// run's. The collector runs at GOGC=10 meanwhile, so that the sampled heap
// (live and not yet swept objects) stays close to what the run keeps alive
// rather than to how much garbage the default pacing lets pile up.
func runBounded(t *testing.T, args []string, b bounds) result {
	t.Helper()
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	runtime.GC()
	base, alloc0 := heapBytes(), allocBytes()
	var stdout, stderr bytes.Buffer
	done := make(chan int, 1)
	start := time.Now()
	go func() { done <- run(args, &stdout, &stderr) }()
	peak := base
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	hang := time.After(hangCeiling)
	for {
		select {
		case code := <-done:
			res := result{exit: code, stdout: stdout.String(), stderr: stderr.String(), elapsed: time.Since(start),
				peakHeap: max(peak, heapBytes()) - base, allocated: allocBytes() - alloc0}
			t.Logf("orcgen %s: exit %d, peak heap growth %.1f MB, allocated %.1f MB (in %v)", strings.Join(shortArgs(args), " "), code,
				float64(res.peakHeap)/(1<<20), float64(res.allocated)/(1<<20), res.elapsed.Round(time.Millisecond))
			if res.peakHeap > b.maxHeap {
				t.Errorf("heap grew by %d MB, more than the %d MB limit", res.peakHeap>>20, b.maxHeap>>20)
			}
			if res.allocated > b.maxAlloc {
				t.Errorf("allocated %d MB, more than the %d MB limit", res.allocated>>20, b.maxAlloc>>20)
			}
			return res
		case <-tick.C:
			peak = max(peak, heapBytes())
			if peak-base > b.maxHeap {
				t.Fatalf("heap grew by more than the %d MB limit while running", b.maxHeap>>20)
			}
			if a := allocBytes() - alloc0; a > b.maxAlloc {
				t.Fatalf("allocated more than the %d MB limit while running", b.maxAlloc>>20)
			}
		case <-hang:
			t.Fatalf("orcgen has not finished after %v: a hang (this ceiling is no speed bound)", hangCeiling)
		}
	}
}

// allocBytes returns the bytes allocated on the heap since the program
// started.
func allocBytes() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// heapBytes returns the bytes of live and not yet swept heap objects.
func heapBytes() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// shortArgs replaces the temporary paths of args by their base names, for
// logs.
func shortArgs(args []string) []string {
	out := make([]string, len(args))
	for i, a := range args {
		if filepath.IsAbs(a) {
			a = filepath.Base(a)
		}
		out[i] = a
	}
	return out
}

// previousGeneration generates from the embedded defaults once, into a
// directory the failing cases start from: their runs must leave it as it is.
func previousGeneration(t *testing.T) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "prev")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"generate", "-out", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("generate from the defaults: exit %d\n%s", code, stderr.String())
	}
	return out
}

// copyTree copies the files of src into dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		writeTestFile(t, filepath.Join(dst, rel), data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// decodeCatalog decodes a model.json.
func decodeCatalog(t *testing.T, data []byte) *model.Catalog {
	t.Helper()
	var cat model.Catalog
	if err := json.Unmarshal(data, &cat); err != nil {
		t.Fatalf("decode model: %v", err)
	}
	return &cat
}

// checkCatalog checks the catalog against the case's expectations.
func (c *hostileCase) checkCatalog(t *testing.T, cat *model.Catalog) {
	t.Helper()
	byCode := map[int]model.Code{}
	for _, code := range cat.Codes {
		byCode[code.Code] = code
	}
	for _, k := range sortedKeys(c.Names) {
		if got := byCode[atoi(t, k)].Name; got != c.Names[k] {
			t.Errorf("code %s: name %q, want %q", k, got, c.Names[k])
		}
	}
	for _, k := range sortedKeys(c.Messages) {
		msgs := byCode[atoi(t, k)].Messages
		if len(msgs) == 0 || msgs[0] != c.Messages[k] {
			t.Errorf("code %s: messages %q, want first %q", k, msgs, c.Messages[k])
		}
	}
	for _, n := range c.Absent {
		if _, ok := byCode[n]; ok {
			t.Errorf("code %d is in the catalog, want it left out", n)
		}
	}
	if c.Codes != 0 && len(cat.Codes) != c.Codes {
		t.Errorf("%d codes, want %d", len(cat.Codes), c.Codes)
	}
	if c.SpecNames != 0 && len(cat.Names) != c.SpecNames {
		t.Errorf("%d spec names, want %d", len(cat.Names), c.SpecNames)
	}
	for _, want := range c.Diagnostics {
		if !hasDiagnostic(cat.Diagnostics, want) {
			t.Errorf("no diagnostic holds %q; have:\n%s", want, diagnosticLines(cat.Diagnostics))
		}
	}
}

func hasDiagnostic(diags []model.Diagnostic, s string) bool {
	for _, d := range diags {
		if strings.Contains(d.Message, s) {
			return true
		}
	}
	return false
}

func diagnosticLines(diags []model.Diagnostic) string {
	var b strings.Builder
	for _, d := range diags {
		b.WriteString(d.Message + "\n")
	}
	return b.String()
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
