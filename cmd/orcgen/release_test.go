package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/orcgen/orcgen/gen/release"
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

// treeFiles reads every regular file below dir, by slash path.
func treeFiles(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestReleaseMatchesGenerate builds the bundle from the embedded inputs,
// unpacks its archive with archive/tar, and checks every member's name,
// type, mode, time and owner, and its content against what generate writes
// for the same inputs, byte for byte: the archive holds exactly generate's
// files, the names lock included.
func TestReleaseMatchesGenerate(t *testing.T) {
	tmp := t.TempDir()
	gendir, reldir := filepath.Join(tmp, "gen"), filepath.Join(tmp, "rel")
	runOK(t, "generate", "-q", "-out", gendir)
	want := treeFiles(t, gendir)
	out := runOK(t, "release", "-q", "-out", filepath.Join(tmp, "nolock"), "-o", reldir)

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
	want := treeFiles(t, gendir)
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
	if got := treeFiles(t, repo); len(got) != 1 || !bytes.Equal(got["orcgen.lock.json"], lock) {
		t.Errorf("release changed -out: %d files", len(got))
	}
}
