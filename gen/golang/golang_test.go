package golang

import (
	"bytes"
	"flag"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/orcgen/orcgen/internal/testenv"
	"github.com/orcgen/orcgen/model"
)

var update = flag.Bool("update", false, "update golden files")

func loadModel(t *testing.T, name string) *model.Catalog {
	return testenv.Catalog(t, "testdata", "models", name)
}

// TestGolden compares the output for each model with
// testdata/golden/golang/<model>/.
func TestGolden(t *testing.T) {
	for _, name := range []string{"small", "hostile"} {
		t.Run(name, func(t *testing.T) {
			out, err := Generate(loadModel(t, name+".json"), Options{})
			if err != nil {
				t.Fatal(err)
			}
			lock, err := out.Lock.Marshal()
			if err != nil {
				t.Fatal(err)
			}
			files := map[string][]byte{"orcgen.lock.json": lock}
			for n, src := range out.Files {
				files[n+".golden"] = src
			}
			dir := filepath.Join(testenv.Root(), "testdata", "golden", "golang", name)
			compareDir(t, dir, files)
		})
	}
}

func compareDir(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	for name, got := range files {
		testenv.Golden(t, *update, filepath.Join(dir, name), got)
	}
}

// TestHostile generates the hostile model, checks every file is marked
// generated and declares exactly the expected top-level identifiers, and
// builds and vets it in a temporary module.
func TestHostile(t *testing.T) {
	out, err := Generate(loadModel(t, "hostile.json"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var decls []string
	for name, src := range out.Files {
		f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(src, []byte("\n//go:")) || bytes.Contains(src, []byte("\n//line")) {
			t.Errorf("%s: holds a directive", name)
		}
		decls = append(decls, topLevel(f)...)
	}
	slices.Sort(decls)
	want := []string{"All", "ByName", "Code", "Code.Category", "Code.Description", "Code.Documented", "Code.Endpoints",
		"Code.Error", "Code.HTTPStatus", "Code.Message", "Code.Messages", "Code.String", "Code.UnmarshalJSON", "Code.index",
		"Conflict", "Error", "Error.Error", "Error.Is", "Error.UnmarshalJSON", "Error.Unwrap", "Fill", "Format", "FromResponse",
		"InvalidRequest", "ItemNotFound", "Lookup", "Name", "Name.Code", "NameAlreadyUsed",
		"NameInvalidODataRequest", "NameInvalidRequest", "NameItemAlreadyExists", "NameItemNotFound", "NameMultipleErrors",
		"NameNameAlreadyUsed", "NamePackageNotFound", "NameProcessNotFound", "NameStringProtectFailed", "NameUnknown",
		"Parse", "ProcessNotFound", "StringProtectFailed", "ThereNotEnough",
		"bodyText", "categoryTable", "codeNumber", "codeTable", "decodeCode", "decodeField", "descriptionTable", "endpointTable", "envelope",
		"jsonString", "markupText", "maxBody", "messageTable", "nameCode", "nameCodeTable", "nameTable", "placeholders", "searchNames", "statusTable", "wireError"}
	if !slices.Equal(decls, want) {
		t.Errorf("declarations:\n got %q\nwant %q", decls, want)
	}
	buildModule(t, out)
}

// topLevel lists a file's top-level declarations, methods as "Recv.Name".
func topLevel(f *ast.File) []string {
	var out []string
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			name := d.Name.Name
			if d.Recv != nil {
				typ := d.Recv.List[0].Type
				if s, ok := typ.(*ast.StarExpr); ok {
					typ = s.X
				}
				name = typ.(*ast.Ident).Name + "." + name
			}
			out = append(out, name)
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					out = append(out, s.Name.Name)
				case *ast.ValueSpec:
					for _, n := range s.Names {
						out = append(out, n.Name)
					}
				}
			}
		}
	}
	return out
}

// buildModule writes the package into a temporary module and runs go vet
// (which builds it).
func buildModule(t *testing.T, out *Output) {
	t.Helper()
	if testing.Short() {
		t.Skip("builds a module")
	}
	dir := t.TempDir()
	files := map[string][]byte{"go.mod": []byte("module example.com/orcerr\n\ngo 1.26\n")}
	for n, src := range out.Files {
		files[n] = src
	}
	for n, src := range files {
		if err := os.WriteFile(filepath.Join(dir, n), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("go", "vet", ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go vet: %v\n%s", err, strings.TrimSpace(string(msg)))
	}
}
