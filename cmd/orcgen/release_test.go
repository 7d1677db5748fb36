package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"maps"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rhysd/actionlint"

	"github.com/orcgen/orcgen/gen/release"
	"github.com/orcgen/orcgen/internal/testenv"
	"github.com/orcgen/orcgen/parser/defaults"
)

// runOK runs orcgen with args and fails the test unless it exits 0; it
// returns stdout.
func runOK(t *testing.T, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := run(args, &stdout, &stderr); code != exitOK {
		t.Fatalf("orcgen %s: exit %d\n%s", strings.Join(args, " "), code, stderr.String())
	}
	return stdout.String()
}

// TestReleaseMatchesGenerate builds the bundle from the embedded inputs,
// unpacks its archive with archive/tar, and checks every member's name,
// type, mode, time and owner, and its content against what generate writes
// for the same inputs, byte for byte: the archive holds exactly generate's
// files, the names lock included.
func TestReleaseMatchesGenerate(t *testing.T) {
	tmp := t.TempDir()
	gendir, reldir := filepath.Join(tmp, "gen"), filepath.Join(tmp, "rel")
	// With the committed names lock, what generate writes from the
	// embedded inputs is the committed generated/ tree, file for file, and
	// the bundle's members below are compared with the same bytes.
	committed := testenv.ReadTree(t, filepath.Join(testenv.Root(), "generated"))
	lockdir := filepath.Join(tmp, "locked")
	for _, dir := range []string{gendir, lockdir} {
		writeTestFile(t, filepath.Join(dir, "orcgen.lock.json"), committed["orcgen.lock.json"])
	}
	runOK(t, "generate", "-q", "-out", gendir)
	want := testenv.ReadTree(t, gendir)
	for name, data := range want {
		if !bytes.Equal(committed[name], data) {
			t.Errorf("generated/%s differs from what generate writes from the embedded inputs", name)
		}
	}
	out := runOK(t, "release", "-q", "-out", lockdir, "-o", reldir)

	archive := strings.TrimSpace(out)
	name := filepath.Base(archive)
	if !regexp.MustCompile(`^orcgen-catalog-20\.0-[0-9a-f]{12}\.tar\.gz$`).MatchString(name) {
		t.Fatalf("archive %q: unexpected name", name)
	}
	if wantName := release.ArchiveName("20.0", want["model.json"]); name != wantName {
		t.Errorf("archive %q, want %q (model.json's hash)", name, wantName)
	}
	prefix := strings.TrimSuffix(name, ".tar.gz") + "/"
	data, err := os.ReadFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if zr.Name != "" || !zr.ModTime.IsZero() || zr.Comment != "" {
		t.Errorf("gzip header has name %q, time %v, comment %q; want none", zr.Name, zr.ModTime, zr.Comment)
	}
	tr := tar.NewReader(zr)
	var names []string
	for {
		hdr, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		rel, ok := strings.CutPrefix(hdr.Name, prefix)
		if !ok {
			t.Errorf("member %q is not under %s", hdr.Name, prefix)
		}
		names = append(names, rel)
		if hdr.Typeflag != tar.TypeReg || hdr.Mode != 0o644 || !hdr.ModTime.Equal(time.Unix(0, 0)) ||
			hdr.Uid != 0 || hdr.Gid != 0 || hdr.Uname != "" || hdr.Gname != "" {
			t.Errorf("member %q: type %c, mode %o, time %v, owner %d:%d (%q:%q); want a regular file, 0644, the epoch, 0:0 without names",
				hdr.Name, hdr.Typeflag, hdr.Mode, hdr.ModTime.UTC(), hdr.Uid, hdr.Gid, hdr.Uname, hdr.Gname)
		}
		got, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		if w, ok := want[rel]; !ok {
			t.Errorf("member %q: generate writes no such file", rel)
		} else if !bytes.Equal(got, w) {
			t.Errorf("member %q differs from what generate writes", rel)
		}
	}
	if !slices.IsSorted(names) {
		t.Errorf("members are not sorted: %q", names)
	}
	for p := range want {
		if !slices.Contains(names, p) {
			t.Errorf("generate writes %s, the archive lacks it", p)
		}
	}
	for _, p := range []string{"model.json", "orcgen.lock.json", "openapi/errors.yaml", "openapi/errors.json", "docs/response-codes.md", "orcerr/orcerr_gen.go"} {
		if !slices.Contains(names, p) {
			t.Errorf("the archive lacks %s", p)
		}
	}
	if t.Failed() {
		t.Logf("members: %q", names)
	}
}

// TestReleaseUsesTheNamesLock releases with a names lock under -out that
// gives code 1002 another identifier: the bundle holds what generate writes
// with that lock (the identifier kept as a deprecated alias), not a fresh
// generation, and the lock under -out is only read.
func TestReleaseUsesTheNamesLock(t *testing.T) {
	tmp := t.TempDir()
	lock := []byte(`{"schemaVersion": 1, "package": "orcerr", "codes": [{"code": 1002, "identifiers": ["RobotGone"]}]}` + "\n")
	gendir, repo := filepath.Join(tmp, "gen"), filepath.Join(tmp, "repo")
	writeTestFile(t, filepath.Join(gendir, "orcgen.lock.json"), lock)
	writeTestFile(t, filepath.Join(repo, "orcgen.lock.json"), lock)
	runOK(t, "generate", "-q", "-out", gendir)
	want := testenv.ReadTree(t, gendir)
	out := runOK(t, "release", "-q", "-out", repo, "-o", filepath.Join(tmp, "rel"))
	archive, err := os.ReadFile(strings.TrimSpace(out))
	if err != nil {
		t.Fatal(err)
	}
	_, members, err := release.ReadArchive(archive)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range members {
		if !bytes.Equal(m.Data, want[m.Path]) {
			t.Errorf("member %s differs from generate's with the same lock", m.Path)
		}
		if m.Path == "orcgen.lock.json" && !bytes.Contains(m.Data, []byte(`"RobotGone"`)) {
			t.Errorf("the bundle's lock lost the locked identifier RobotGone")
		}
	}
	if len(members) != len(want) {
		t.Errorf("%d members, generate writes %d files", len(members), len(want))
	}
	if got := testenv.ReadTree(t, repo); len(got) != 1 || !bytes.Equal(got["orcgen.lock.json"], lock) {
		t.Errorf("release changed -out: %d files", len(got))
	}
}

// releaseSteps returns the run scripts of .github/workflows/release.yml's
// steps, by step name.
func releaseSteps(t *testing.T) map[string]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(testenv.Root(), ".github", "workflows", "release.yml"))
	if err != nil {
		t.Fatal(err)
	}
	w, errs := actionlint.Parse(data)
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	steps := map[string]string{}
	for _, j := range w.Jobs {
		for _, s := range j.Steps {
			if r, ok := s.Exec.(*actionlint.ExecRun); ok && r.Run != nil && s.Name != nil {
				steps[s.Name.Value] = r.Run.Value
			}
		}
	}
	return steps
}

// fakeGH is a stand-in for the GitHub CLI in the release workflow's steps:
// "release list" prints $FAKE_GH/tags, "release download TAG" copies
// $FAKE_GH/TAG/*.tar.gz to --dir, "release view TAG" succeeds when
// $FAKE_GH/TAG exists, and "release create" and "release upload" append
// their arguments to $FAKE_GH/calls.
const fakeGH = `#!/bin/sh
case "$1 $2" in
"release list") cat "$FAKE_GH/tags" ;;
"release view") test -d "$FAKE_GH/$3" ;;
"release download")
	tag=$3
	shift 3
	while [ $# -gt 0 ]; do
		if [ "$1" = --dir ]; then dir=$2; fi
		shift
	done
	test -d "$FAKE_GH/$tag" && cp "$FAKE_GH/$tag"/*.tar.gz "$dir"/ ;;
"release create" | "release upload") echo "$*" >> "$FAKE_GH/calls" ;;
*) echo "fake gh: $*" >&2; exit 1 ;;
esac
`

// TestReleaseWorkflow runs the release workflow's steps as written (but
// the checkout, Go setup and build), with bash as the runner starts them,
// against a loopback server and a stand-in gh: a first release; the next
// tag, whose notes compare with the first one's bundle and name the changed
// code; and a run again for that tag, which uploads to the existing
// release.
func TestReleaseWorkflow(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	for _, tool := range []string{"sha256sum", "awk", "grep"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skip("no " + tool)
		}
	}
	orcgen, err := exec.LookPath("orcgen") // testscript.Main puts this test binary on $PATH as orcgen
	if err != nil {
		t.Fatal(err)
	}
	steps := releaseSteps(t)
	run := []string{"fetch snapshots", "download the previous release's bundle", "orcgen release", "attach the bundle to the release"}
	for _, name := range append([]string{"build orcgen"}, run...) {
		if steps[name] == "" {
			t.Fatalf("release.yml has no step %q", name)
		}
	}
	live := newLiveSources(t)
	pageURL, specURL := live.urls()

	gh, bin := t.TempDir(), t.TempDir()
	writeTestFile(t, filepath.Join(bin, "gh"), []byte(fakeGH))
	if err := os.Chmod(filepath.Join(bin, "gh"), 0o755); err != nil {
		t.Fatal(err)
	}
	// job runs the steps for tag in a fresh checkout and runner, with the
	// releases listed in tags, and returns the checkout.
	job := func(tag, tags string) string {
		t.Helper()
		dir, runner := t.TempDir(), t.TempDir()
		if err := os.Symlink(orcgen, filepath.Join(runner, "orcgen")); err != nil {
			t.Fatal(err)
		}
		writeTestFile(t, filepath.Join(gh, "tags"), []byte(tags))
		var out bytes.Buffer
		for _, name := range run {
			cmd := exec.Command(bash, "--noprofile", "--norc", "-eo", "pipefail", "-c", steps[name])
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
				"FAKE_GH="+gh, "RUNNER_TEMP="+runner, "TAG="+tag,
				"ORCGEN_PAGE="+pageURL, "ORCGEN_SPEC="+specURL,
				"GITHUB_STEP_SUMMARY="+filepath.Join(runner, "summary.md"))
			cmd.Stdout, cmd.Stderr = &out, &out
			if err := cmd.Run(); err != nil {
				t.Fatalf("%s: step %q: %v\n%s", tag, name, err, out.String())
			}
		}
		if !strings.Contains(out.String(), ".tar.gz: OK") {
			t.Errorf("%s: the bundle's checksums were not verified:\n%s", tag, out.String())
		}
		summary, err := os.ReadFile(filepath.Join(runner, "summary.md"))
		if err != nil || !bytes.Contains(summary, []byte("## Bundle")) {
			t.Errorf("%s: job summary: %v\n%s", tag, err, summary)
		}
		return dir
	}
	// publish records what the stand-in gh now serves for tag.
	publish := func(tag, dir string) {
		t.Helper()
		for name, data := range testenv.ReadTree(t, filepath.Join(dir, "dist")) {
			writeTestFile(t, filepath.Join(gh, tag, name), data)
		}
	}
	calls := func() string {
		data, _ := os.ReadFile(filepath.Join(gh, "calls"))
		os.Remove(filepath.Join(gh, "calls"))
		return string(data)
	}

	first := job("v1.0.0", "")
	files := testenv.ReadTree(t, filepath.Join(first, "dist"))
	if len(files) != 4 || !bytes.Contains(files["RELEASE-NOTES.md"], []byte("\nFirst release: ")) {
		t.Fatalf("v1.0.0: %d files, notes:\n%s", len(files), files["RELEASE-NOTES.md"])
	}
	var archive string
	for name := range files {
		if strings.HasSuffix(name, ".tar.gz") {
			archive = name
		}
	}
	want := "release create v1.0.0 --verify-tag --title v1.0.0 --notes-file dist/RELEASE-NOTES.md dist/RELEASE-NOTES.json dist/RELEASE-NOTES.md dist/SHA256SUMS dist/" + archive + "\n"
	if got := calls(); got != want {
		t.Errorf("v1.0.0: gh calls\n%q, want\n%q", got, want)
	}
	publish("v1.0.0", first)

	// The next tag: the page changed; the previous bundle is v1.0.0's.
	live.set(bytes.Replace(defaults.Page, []byte("Robot does not exist."), []byte("Robot is missing."), 1), http.StatusOK)
	next := job("v1.1.0", "v1.0.0\n")
	notes, err := os.ReadFile(filepath.Join(next, "dist", "RELEASE-NOTES.md"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "\n- 1002 `ItemNotFound` messages: “Robot does not exist.” → “Robot is missing.”\n"; !bytes.Contains(notes, []byte(want)) {
		t.Errorf("v1.1.0: notes lack %q:\n%s", want, notes)
	}
	if got := calls(); !strings.HasPrefix(got, "release create v1.1.0 ") {
		t.Errorf("v1.1.0: gh calls %q", got)
	}
	publish("v1.1.0", next)

	// v1.1.0 again, now that it is released: still compared with v1.0.0,
	// the same bytes, uploaded over the release's assets.
	again := job("v1.1.0", "v1.1.0\nv1.0.0\n")
	if a, b := testenv.ReadTree(t, filepath.Join(next, "dist")), testenv.ReadTree(t, filepath.Join(again, "dist")); !maps.EqualFunc(a, b, bytes.Equal) {
		t.Errorf("v1.1.0 run again: other files")
	}
	if got := calls(); !strings.HasPrefix(got, "release upload v1.1.0 dist/RELEASE-NOTES.json ") || !strings.HasSuffix(got, " --clobber\n") {
		t.Errorf("v1.1.0 run again: gh calls %q", got)
	}
}

// TestReleaseREADME runs the README's Python example of reading a release
// bundle on a fresh one, and checks that it prints what the README's
// comment says.
func TestReleaseREADME(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("no python3")
	}
	readme, err := os.ReadFile(filepath.Join(testenv.Root(), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(readme), "\n## Release bundle\n")
	if !ok {
		t.Fatal("README.md has no section Release bundle")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	_, code, ok := strings.Cut(section, "```python\n")
	code, _, ok2 := strings.Cut(code, "```\n")
	if !ok || !ok2 {
		t.Fatal("the Release bundle section has no ```python block")
	}
	_, want, ok := strings.Cut(code, "])  # ")
	want, _, _ = strings.Cut(want, "\n")
	if !ok || want == "" {
		t.Fatal("the Python example's print line has no comment saying what it prints")
	}
	dir := t.TempDir()
	runOK(t, "release", "-q", "-out", filepath.Join(dir, "none"), "-o", dir)
	cmd := exec.Command(python, "-c", code)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("python: %v\n%s", err, out)
	}
	if string(out) != want+"\n" {
		t.Errorf("the README's Python example prints %q, its comment says %q", out, want)
	}
}
