package release

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/orcgen/orcgen/gen"
)

func TestSafeVersion(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"20.0", "20.0"},
		{"v2.1.0-rc.1", "v2.1.0-rc.1"},
		{"1.0 (build 7)", "1.0-build-7"},
		{"../../etc/passwd", "etc-passwd"},
		{"2024/10+beta", "2024-10-beta"},
		{"--x--", "x"},
		{"Ünïcode 1", "n-code-1"},
		{"", "unversioned"},
		{"///", "unversioned"},
		{strings.Repeat("9", 80), strings.Repeat("9", 64)},
	} {
		if got := SafeVersion(tc.in); got != tc.want {
			t.Errorf("SafeVersion(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestArchiveName(t *testing.T) {
	got := ArchiveName("20.0 beta", []byte("{}\n"))
	// sha256 of "{}\n" is ca3d163bab055381827226140568f3bef7eaac187cebd76878e0b63e9e442356.
	if want := "orcgen-catalog-20.0-beta-ca3d163bab05.tar.gz"; got != want {
		t.Errorf("ArchiveName = %q, want %q", got, want)
	}
	if !isArchiveName(got) || isArchiveName("notes.tar.gz") || isArchiveName("orcgen-catalog-x.zip") {
		t.Error("isArchiveName disagrees with ArchiveName")
	}
}

var someFiles = []gen.File{
	{Path: "orcerr/orcerr_gen.go", Data: []byte("package orcerr\n")},
	{Path: "model.json", Data: []byte(`{"schemaVersion": 1, "codes": []}` + "\n")},
	{Path: "docs/response-codes.md", Data: []byte("# Codes\n")},
}

// TestArchiveDeterministic: the same files in any order give the same
// bytes, and every header is fixed.
func TestArchiveDeterministic(t *testing.T) {
	a, err := Archive("bundle", someFiles)
	if err != nil {
		t.Fatal(err)
	}
	reversed := slices.Clone(someFiles)
	slices.Reverse(reversed)
	b, err := Archive("bundle", reversed)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("the order of the files changes the archive")
	}
	zr, err := gzip.NewReader(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	if zr.Name != "" || !zr.ModTime.IsZero() {
		t.Errorf("gzip header: name %q, time %v", zr.Name, zr.ModTime)
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
		names = append(names, hdr.Name)
		if hdr.Mode != Mode || !hdr.ModTime.Equal(ModTime) || hdr.Uid != 0 || hdr.Gid != 0 || hdr.Uname != "" || hdr.Gname != "" || hdr.Typeflag != tar.TypeReg {
			t.Errorf("%s: header %+v", hdr.Name, hdr)
		}
	}
	want := []string{"bundle/docs/response-codes.md", "bundle/model.json", "bundle/orcerr/orcerr_gen.go"}
	if !slices.Equal(names, want) {
		t.Errorf("members %q, want %q", names, want)
	}
	prefix, files, err := ReadArchive(a)
	if err != nil || prefix != "bundle" || len(files) != 3 || string(files[1].Data) != string(someFiles[1].Data) {
		t.Errorf("ReadArchive = %q, %d files, %v", prefix, len(files), err)
	}
}

func TestArchiveRefuses(t *testing.T) {
	for _, tc := range []struct {
		prefix string
		files  []gen.File
		want   string
	}{
		{"a/b", someFiles, `invalid directory "a/b"`},
		{"..", someFiles, `invalid directory ".."`},
		{"x", []gen.File{{Path: "../up"}}, `invalid member "../up"`},
		{"x", []gen.File{{Path: "a"}, {Path: "a"}}, `member "a" twice`},
	} {
		_, err := Archive(tc.prefix, tc.files)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Archive(%q): %v, want %q", tc.prefix, err, tc.want)
		}
	}
}

func TestSums(t *testing.T) {
	data := Sums(someFiles)
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(lines) != 3 || !strings.HasSuffix(lines[0], "  docs/response-codes.md") || !strings.HasPrefix(lines[1], Hash(someFiles[1].Data)+"  ") {
		t.Errorf("Sums:\n%s", data)
	}
	sums, err := ParseSums(Sums([]gen.File{{Path: "a.tar.gz", Data: []byte("x")}}))
	if err != nil || len(sums) != 1 || sums[0].Name != "a.tar.gz" || sums[0].SHA256 != Hash([]byte("x")) {
		t.Errorf("ParseSums = %+v, %v", sums, err)
	}
	for _, bad := range []string{"abc  a\n", strings.Repeat("0", 64) + " a\n", strings.Repeat("0", 64) + "  ../a\n", strings.Repeat("g", 64) + "  a\n"} {
		if _, err := ParseSums([]byte(bad)); err == nil || !strings.Contains(err.Error(), "SHA256SUMS line 1") {
			t.Errorf("ParseSums(%q): %v", bad, err)
		}
	}
}
