package main

import (
	"bytes"
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/orcgen/orcgen/gen/markdown/mdtest"
	"github.com/orcgen/orcgen/model"
	"github.com/orcgen/orcgen/model/ident"
)

// checkOutput checks the files a case generated under out: the Go
// package's declarations and comments, the OpenAPI files and the Markdown.
func checkOutput(t *testing.T, out string, cat *model.Catalog, fixed []string) {
	t.Helper()
	checkGoPackage(t, filepath.Join(out, "orcerr"), cat, fixed)
	for _, name := range []string{"errors.yaml", "errors.json"} {
		checkOpenAPI(t, filepath.Join(out, "openapi", name))
	}
	md := readTestFile(t, filepath.Join(out, "docs", "response-codes.md"))
	if err := mdtest.Verify(md, cat); err != nil {
		t.Errorf("docs/response-codes.md does not read back:\n%v", err)
	}
	if i := bytes.IndexFunc(md, func(r rune) bool {
		return r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
	}); i >= 0 {
		t.Errorf("docs/response-codes.md holds a raw control or bidi character at byte %d: %q", i, md[max(0, i-20):min(len(md), i+20)])
	}
}

// declarations are the top-level declarations of a generated package.
type declarations struct {
	codes map[string]string // Code constant → its value's source
	names map[string]string // Name constant → its string value
	other []string          // every other declaration, "kind name", sorted
}

// parsePackage parses the Go files of dir with their comments.
func parsePackage(t *testing.T, dir string) (*token.FileSet, map[string]*ast.File) {
	t.Helper()
	fset := token.NewFileSet()
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no Go files in %s (%v)", dir, err)
	}
	files := map[string]*ast.File{}
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			t.Fatalf("parse generated file: %v", err)
		}
		files[filepath.Base(name)] = f
	}
	return fset, files
}

// collectDeclarations sorts a package's top-level declarations into Code
// constants, Name constants and the rest.
func collectDeclarations(t *testing.T, files map[string]*ast.File) declarations {
	t.Helper()
	d := declarations{codes: map[string]string{}, names: map[string]string{}}
	for _, fname := range sortedKeys(files) {
		for _, decl := range files[fname].Decls {
			d.add(t, decl)
		}
	}
	slices.Sort(d.other)
	return d
}

// add records one top-level declaration.
func (d *declarations) add(t *testing.T, decl ast.Decl) {
	switch decl := decl.(type) {
	case *ast.FuncDecl:
		name := "func " + decl.Name.Name
		if decl.Recv != nil {
			name = "method " + exprString(decl.Recv.List[0].Type) + "." + decl.Name.Name
		}
		d.other = append(d.other, name)
	case *ast.GenDecl:
		for _, spec := range decl.Specs {
			d.addSpec(t, decl.Tok, spec)
		}
	}
}

// addSpec records one spec of a const, var, type or import declaration.
func (d *declarations) addSpec(t *testing.T, tok token.Token, spec ast.Spec) {
	switch spec := spec.(type) {
	case *ast.TypeSpec:
		d.other = append(d.other, "type "+spec.Name.Name)
	case *ast.ValueSpec:
		typ := ""
		if spec.Type != nil {
			typ = exprString(spec.Type)
		}
		for i, id := range spec.Names {
			switch {
			case tok == token.CONST && typ == "Code" && i < len(spec.Values):
				d.codes[id.Name] = exprString(spec.Values[i])
			case tok == token.CONST && typ == "Name" && i < len(spec.Values):
				d.names[id.Name] = stringLit(t, spec.Values[i])
			default:
				d.other = append(d.other, tok.String()+" "+id.Name)
			}
		}
	}
}

// exprString returns the source of a simple expression: an identifier, a
// pointer to one, or a literal.
func exprString(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.StarExpr:
		return "*" + exprString(e.X)
	case *ast.BasicLit:
		return e.Value
	}
	return "?"
}

// stringLit returns the value of a string literal.
func stringLit(t *testing.T, e ast.Expr) string {
	t.Helper()
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		t.Errorf("Name constant's value %s is not a string literal", exprString(e))
		return ""
	}
	s, err := strconv.Unquote(lit.Value)
	if err != nil {
		t.Errorf("unquote %s: %v", lit.Value, err)
	}
	return s
}

// fixedDeclarations returns the declarations every generated package has
// whatever its catalog: those of the repository's generated/orcerr other
// than its Code and Name constants.
func fixedDeclarations(t *testing.T, dir string) []string {
	t.Helper()
	_, files := parsePackage(t, dir)
	return collectDeclarations(t, files).other
}

// checkGoPackage checks that the package in dir is marked generated,
// imports only the standard library, declares exactly the catalog's codes
// and names and the fixed API, holds every message of the catalog as a
// string literal, and that none of its comments can be a directive.
func checkGoPackage(t *testing.T, dir string, cat *model.Catalog, fixed []string) {
	t.Helper()
	fset, files := parsePackage(t, dir)
	for _, name := range sortedKeys(files) {
		checkGoFile(t, fset, name, files[name])
	}
	d := collectDeclarations(t, files)
	// The package's documented rule: a code named like its own API gets
	// "Code" appended until the identifier is free.
	api := []string{"All", "ByName", "Code", "Error", "Fill", "Format", "FromResponse", "Lookup", "Name", "Parse"}
	used := map[string]bool{}
	for _, c := range cat.Codes {
		used[c.Name] = true
	}
	wantCodes := map[string]string{}
	for _, c := range cat.Codes {
		id := c.Name
		for slices.Contains(api, id) || id != c.Name && used[id] {
			id += "Code"
		}
		used[id] = true
		wantCodes[id] = strconv.Itoa(c.Code)
	}
	if !equalMaps(d.codes, wantCodes) {
		t.Errorf("Code constants differ from the catalog's codes:\n%s", mapDiff(d.codes, wantCodes))
	}
	checkNameConstants(t, d.names, cat.Names)
	if !slices.Equal(d.other, fixed) {
		t.Errorf("declarations besides the constants differ from generated/orcerr's:\n got %q\nwant %q", d.other, fixed)
	}
	checkMessages(t, files, cat)
}

// checkGoFile checks one file's package clause, marker, imports and
// comments.
func checkGoFile(t *testing.T, fset *token.FileSet, name string, f *ast.File) {
	t.Helper()
	if f.Name.Name != "orcerr" {
		t.Errorf("%s: package %s, want orcerr", name, f.Name.Name)
	}
	if !ast.IsGenerated(f) {
		t.Errorf("%s: not marked generated", name)
	}
	for _, imp := range f.Imports {
		path, _ := strconv.Unquote(imp.Path.Value)
		if first, _, _ := strings.Cut(path, "/"); strings.Contains(first, ".") {
			t.Errorf("%s: imports %q, not the standard library", name, path)
		}
	}
	for _, g := range f.Comments {
		for _, c := range g.List {
			if c.Text != "//" && !strings.HasPrefix(c.Text, "// ") {
				t.Errorf("%s:%d: comment %.60q is not a plain // line: it could be a directive or end early", name, fset.Position(c.Pos()).Line, c.Text)
			}
		}
	}
}

// checkNameConstants checks that the Name constants are the catalog's
// names, each once, each named by the package's documented rule: "Name"
// (repeated) + the value, or + ident.Derive of a value that cannot follow
// "Name" in an identifier, or "NameValue" + the name's position when that
// has no letters.
func checkNameConstants(t *testing.T, got map[string]string, names []model.Name) {
	t.Helper()
	want := map[string]bool{}
	position := map[string]int{}
	for i, n := range names {
		want[n.Name] = true
		position[n.Name] = i
	}
	seen := map[string]bool{}
	for _, id := range sortedKeys(got) {
		v := got[id]
		spelled := v
		if !ident.Valid("Name" + v) {
			spelled = ident.Derive(v)
		}
		if spelled == "" {
			spelled = fmt.Sprintf("Value%d", position[v])
		}
		prefix, ok := strings.CutSuffix(id, spelled)
		if !ok || prefix == "" || strings.ReplaceAll(prefix, "Name", "") != "" {
			t.Errorf("Name constant %s = %q: want \"Name\" (repeated) + %q", id, v, spelled)
		}
		if !want[v] || seen[v] {
			t.Errorf("Name constant %s = %q: not a spec name of the catalog, or twice", id, v)
		}
		seen[v] = true
	}
	if len(seen) != len(want) {
		t.Errorf("%d Name constants, want %d (one per spec name)", len(seen), len(want))
	}
}

// checkMessages checks that every message of the catalog is a string
// literal of the package: the text survives byte for byte.
func checkMessages(t *testing.T, files map[string]*ast.File, cat *model.Catalog) {
	t.Helper()
	lits := map[string]bool{}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil {
					lits[s] = true
				}
			}
			return true
		})
	}
	for _, c := range cat.Codes {
		for _, m := range c.Messages {
			if !lits[m] {
				t.Errorf("code %d: message %.80q is not a string literal of the package", c.Code, m)
			}
		}
	}
}

func equalMaps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// mapDiff lists the keys whose values differ, at most 20.
func mapDiff(got, want map[string]string) string {
	var b strings.Builder
	n := 0
	keys := sortedKeys(got)
	for _, k := range sortedKeys(want) {
		if _, ok := got[k]; !ok {
			keys = append(keys, k)
		}
	}
	for _, k := range keys {
		if got[k] != want[k] && n < 20 {
			b.WriteString("  " + k + ": got " + strconv.Quote(got[k]) + ", want " + strconv.Quote(want[k]) + "\n")
			n++
		}
	}
	return b.String()
}

// checkOpenAPI reloads a generated OpenAPI file and validates it strictly.
func checkOpenAPI(t *testing.T, name string) {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromData(readTestFile(t, name))
	if err != nil {
		t.Errorf("%s: load: %v", filepath.Base(name), err)
		return
	}
	// kin-openapi's example check is quadratic in the enum's size (the
	// 10,000-row case takes minutes), so examples are checked here with a
	// set instead: each body's ErrorCode must be a value of the enum.
	if err := doc.Validate(context.Background(), openapi3.DisableExamplesValidation()); err != nil {
		t.Errorf("%s: validate: %v", filepath.Base(name), err)
	}
	enum := map[float64]bool{}
	for _, v := range doc.Components.Schemas["ErrorCode"].Value.Enum {
		enum[v.(float64)] = true
	}
	for exName, ex := range doc.Components.Examples {
		body, _ := ex.Value.Value.(map[string]any)
		if code, ok := body["ErrorCode"].(float64); !ok || !enum[code] {
			t.Errorf("%s: example %s: ErrorCode %v is not a value of the ErrorCode enum", filepath.Base(name), exName, body["ErrorCode"])
		}
	}
}

// checkModule is a temporary module holding one copy of each case's
// generated package, so that one go build and one go vet check them all.
type checkModule struct {
	dir  string
	pkgs []string
}

func newCheckModule(t *testing.T) *checkModule {
	dir := t.TempDir()
	writeTestFile(t, filepath.Join(dir, "go.mod"), []byte("module hostile\n\ngo 1.26\n"))
	return &checkModule{dir: dir}
}

// add copies the package in dir as the module's package named after the
// case.
func (m *checkModule) add(t *testing.T, name, dir string) {
	t.Helper()
	pkg := strings.NewReplacer("-", "_", ".", "_").Replace(name)
	copyTree(t, dir, filepath.Join(m.dir, pkg))
	m.pkgs = append(m.pkgs, pkg)
}

// check builds and vets every package of the module.
func (m *checkModule) check(t *testing.T) {
	if len(m.pkgs) == 0 {
		t.Skip("no case generated a package")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	for _, args := range [][]string{{"build", "./..."}, {"vet", "./..."}} {
		cmd := exec.Command("go", args...)
		cmd.Dir = m.dir
		cmd.Env = append(os.Environ(), "GOTOOLCHAIN=local", "GOFLAGS=-mod=mod", "GOPROXY=off")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("go %s in the module of %d generated packages: %v\n%s", strings.Join(args, " "), len(m.pkgs), err, out)
		}
	}
}
