package main

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/rhysd/actionlint"

	"github.com/orcgen/orcgen/internal/testenv"
	"github.com/orcgen/orcgen/parser/defaults"
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

// liveJobScript returns the downstream recipe's live check: the run script
// of the step that runs orcgen check, and the job's environment names.
func liveJobScript(t *testing.T) (script string, env []string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(testenv.Root(), "testdata", "workflows", "downstream.yml"))
	if err != nil {
		t.Fatal(err)
	}
	w, errs := actionlint.Parse(data)
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	job := w.Jobs["live"]
	if job == nil {
		t.Fatal("downstream.yml has no job live")
	}
	if job.Env != nil {
		for _, v := range job.Env.Vars {
			env = append(env, v.Name.Value)
		}
	}
	for _, s := range job.Steps {
		if r, ok := s.Exec.(*actionlint.ExecRun); ok && r.Run != nil && strings.Contains(r.Run.Value, " check ") {
			return r.Run.Value, env
		}
	}
	t.Fatal("job live has no step running orcgen check")
	return "", nil
}

// TestDownstreamLiveJob runs the downstream recipe's live check as written,
// with bash as the runner starts it, against a loopback server: current
// sources pass, a changed page fails the job with orcgen's annotations,
// and a page that cannot be read only warns (orcgen's exit 2), never
// reports drift.
func TestDownstreamLiveJob(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	orcgen, err := exec.LookPath("orcgen") // testscript.Main puts this test binary on $PATH as orcgen
	if err != nil {
		t.Fatal(err)
	}
	script, env := liveJobScript(t)
	for _, v := range []string{"ORCGEN_PAGE", "ORCGEN_SPEC"} {
		if !slices.Contains(env, v) {
			t.Errorf("job live does not set %s (has %v)", v, env)
		}
	}
	live := newLiveSources(t)
	pageURL, specURL := live.urls()

	dir, bin := t.TempDir(), t.TempDir()
	writeTestFile(t, filepath.Join(dir, "orcgen.yaml"), []byte("out: gen\npackage: orcerr\nartifacts: [go, markdown, model]\n"))
	if err := os.Symlink(orcgen, filepath.Join(bin, "orcgen")); err != nil {
		t.Fatal(err)
	}
	gen := exec.Command(orcgen, "generate", "-page", pageURL, "-spec", specURL)
	gen.Dir = dir
	if out, err := gen.CombinedOutput(); err != nil {
		t.Fatalf("orcgen generate: %v\n%s", err, out)
	}
	job := func() (int, string) {
		cmd := exec.Command(bash, "--noprofile", "--norc", "-eo", "pipefail", "-c", script)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "RUNNER_TEMP="+bin, "ORCGEN_PAGE="+pageURL, "ORCGEN_SPEC="+specURL,
			"GITHUB_STEP_SUMMARY="+filepath.Join(bin, "summary.md"))
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode(), out.String()
		} else if err != nil {
			t.Fatal(err)
		}
		return 0, out.String()
	}

	for _, tc := range []struct {
		name   string
		page   []byte
		status int
		exit   int
		want   string
	}{
		{"current", defaults.Page, http.StatusOK, 0, "up to date with the live page and spec\n"},
		{"drift", bytes.Replace(defaults.Page, []byte("Robot does not exist."), []byte("Robot is missing."), 1), http.StatusOK, 1,
			"\n::warning title=orcgen%3A code 1002 messages changed::1002 messages: “Robot does not exist.” → “Robot is missing.”\n"},
		{"outage", []byte("gone"), http.StatusNotFound, 0, "\n::warning title=orcgen live check::could not read the live page or spec"},
	} {
		live.set(tc.page, tc.status)
		code, out := job()
		if code != tc.exit || !strings.Contains(out, tc.want) {
			t.Errorf("%s: job exits %d, want %d, with %q in:\n%s", tc.name, code, tc.exit, tc.want, out)
		}
	}
}

// liveSources serves the page and the spec where the workflows fetch them
// (/response-codes and /swagger.json) on loopback; set changes what the
// page answers, safely while the server runs.
type liveSources struct {
	url    string
	mu     sync.Mutex
	page   []byte
	status int
}

// newLiveSources starts the server with the embedded page and spec; it
// stops when the test ends.
func newLiveSources(t *testing.T) *liveSources {
	l := &liveSources{page: defaults.Page, status: http.StatusOK}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/response-codes":
			l.mu.Lock()
			page, status := l.page, l.status
			l.mu.Unlock()
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(status)
			w.Write(page)
		case "/swagger.json":
			w.Header().Set("Content-Type", "application/json")
			w.Write(defaults.Spec)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	l.url = srv.URL
	return l
}

// set makes the page answer status with page.
func (l *liveSources) set(page []byte, status int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.page, l.status = page, status
}

// urls returns the page's and the spec's URLs.
func (l *liveSources) urls() (page, spec string) {
	return l.url + "/response-codes", l.url + "/swagger.json"
}
