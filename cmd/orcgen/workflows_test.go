package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rhysd/actionlint"

	"github.com/orcgen/orcgen/internal/testenv"
)

// workflowFiles lists every GitHub Actions workflow of the repository: its
// own CI under .github/workflows and the recipes under testdata/workflows.
func workflowFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, dir := range []string{".github/workflows", "testdata/workflows"} {
		for _, ext := range []string{"*.yml", "*.yaml"} {
			m, err := filepath.Glob(filepath.Join(testenv.Root(), dir, ext))
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, m...)
		}
	}
	slices.Sort(files)
	return files
}

// TestWorkflowsLint runs actionlint on every workflow file (with shellcheck
// on the run scripts when it is installed).
func TestWorkflowsLint(t *testing.T) {
	files := workflowFiles(t)
	for _, want := range []string{".github/workflows/ci.yml", "testdata/workflows/downstream.yml"} {
		if !slices.Contains(files, filepath.Join(testenv.Root(), want)) {
			t.Errorf("%s is missing", want)
		}
	}
	shellcheck, err := exec.LookPath("shellcheck")
	if err != nil {
		shellcheck = ""
		t.Log("shellcheck is not installed: run scripts are not checked")
	}
	var out bytes.Buffer
	l, err := actionlint.NewLinter(&out, &actionlint.LinterOptions{
		Oneline:    true,
		Shellcheck: shellcheck,
		WorkingDir: testenv.Root(),
		LogWriter:  &out,
	})
	if err != nil {
		t.Fatal(err)
	}
	// The linter finds what it should: an unknown input of a known action.
	bad := "on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/setup-go@v5\n        with:\n          go-version-fil: go.mod\n"
	if errs, err := l.Lint("bad.yml", []byte(bad), nil); err != nil || len(errs) == 0 {
		t.Errorf("actionlint finds nothing wrong with a misspelt input (%v)", err)
	}
	for _, f := range files {
		errs, err := l.LintFile(f, nil)
		if err != nil {
			t.Fatalf("actionlint %s: %v", f, err)
		}
		for _, e := range errs {
			t.Errorf("%s:%d:%d: %s [%s]", f, e.Line, e.Column, e.Message, e.Kind)
		}
	}
}

// TestWorkflowsRunOrcgen checks what the workflows run: orcgen's CI runs
// .ci/run, and a recipe starts orcgen through "go tool orcgen" or a built
// binary, never "go run", which exits 1 for every failure and so reports
// an outage as drift.
func TestWorkflowsRunOrcgen(t *testing.T) {
	for _, f := range workflowFiles(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		w, errs := actionlint.Parse(data)
		if len(errs) > 0 {
			t.Fatalf("%s: %v", f, errs[0])
		}
		var scripts []string
		for _, j := range w.Jobs {
			for _, s := range j.Steps {
				if r, ok := s.Exec.(*actionlint.ExecRun); ok && r.Run != nil {
					scripts = append(scripts, r.Run.Value)
				}
			}
		}
		all := strings.Join(scripts, "\n")
		if strings.Contains(all, "go run") {
			t.Errorf("%s: a step uses go run", f)
		}
		rel, _ := filepath.Rel(testenv.Root(), f)
		if filepath.ToSlash(rel) == ".github/workflows/ci.yml" {
			if !slices.Contains(scripts, "bash .ci/run") {
				t.Errorf("%s does not run .ci/run: %q", f, scripts)
			}
			continue
		}
		calls := 0
		for line := range strings.Lines(all) {
			f0, _, _ := strings.Cut(strings.TrimSpace(line), " ")
			switch bin := strings.Trim(f0, `"'`); {
			case strings.Contains(line, "go tool orcgen "):
				calls++
			case bin == "orcgen" || strings.HasSuffix(bin, "/orcgen"):
				calls++
				if !strings.Contains(all, "go build -o "+f0+" github.com/orcgen/orcgen/cmd/orcgen") {
					t.Errorf("%s: %s is not built by a step (go build -o %s github.com/orcgen/orcgen/cmd/orcgen)", f, f0, f0)
				}
			}
		}
		if calls == 0 {
			t.Errorf("%s never starts orcgen through go tool orcgen or a built binary", f)
		}
	}
}

// TestWorkflowsREADME checks that the README shows the downstream recipe
// exactly as it is tested.
func TestWorkflowsREADME(t *testing.T) {
	recipe, err := os.ReadFile(filepath.Join(testenv.Root(), "testdata", "workflows", "downstream.yml"))
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile(filepath.Join(testenv.Root(), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(readme, append(append([]byte("```yaml\n"), recipe...), "```\n"...)) {
		t.Errorf("README.md does not show testdata/workflows/downstream.yml as it is (in a ```yaml block)")
	}
}
