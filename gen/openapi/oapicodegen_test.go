package openapi

import (
	"context"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// oapiCodegen is the pinned client generator the document is proven against.
const oapiCodegen = "github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen@v2.8.2"

// networkFailures are the texts of module fetch errors caused by the
// network, the only reason the test may skip.
var networkFailures = []string{"dial tcp", "no such host", "i/o timeout", "connection refused", "TLS handshake", "proxyconnect", "network is unreachable"}

// TestOapiCodegenReadsErrorsYAML runs oapi-codegen on errors.yaml, builds the
// result and finds one ErrorCode constant per code, named after
// x-enum-varnames (prefixed with the type name, as oapi-codegen does when
// two enums share a value name) and holding the code.
func TestOapiCodegenReadsErrorsYAML(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go run of oapi-codegen (module download, build); skipped with -short")
	}
	cat := loadModel(t, "basic.json")
	doc, err := Errors(cat)
	if err != nil {
		t.Fatal(err)
	}
	y, _, err := Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "go.mod"), "module example.com/client\n\ngo 1.26\n")
	writeFile(t, filepath.Join(dir, "errors.yaml"), string(y))
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	out := runGo(t, ctx, dir, "run", oapiCodegen, "-generate", "types,skip-prune", "-package", "client", "-o", "errors.gen.go", "errors.yaml")
	t.Logf("oapi-codegen: %s", out)
	runGo(t, ctx, dir, "build", "./...")
	consts := errorCodeConsts(t, filepath.Join(dir, "errors.gen.go"))
	for _, c := range cat.Codes {
		name := "ErrorCode" + c.Name
		if got, ok := consts[name]; !ok || got != strconv.Itoa(c.Code) {
			t.Errorf("constant %s = %q (found %t), want %d", name, got, ok, c.Code)
		}
	}
	if len(consts) != len(cat.Codes) {
		t.Errorf("%d ErrorCode constants, want %d: %v", len(consts), len(cat.Codes), consts)
	}
}

// runGo runs the go command in dir, skipping the test when a module fetch
// fails for network reasons.
func runGo(t *testing.T, ctx context.Context, dir string, args ...string) string {
	t.Helper()
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	out, err := cmd.CombinedOutput()
	if err == nil {
		return string(out)
	}
	for _, s := range networkFailures {
		if strings.Contains(string(out), s) {
			t.Skipf("go %s: module fetch failed for a network reason: %s", args[0], out)
		}
	}
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		t.Fatalf("go %s: timed out after 2 minutes: %s", args[0], out)
	}
	t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	return ""
}

// errorCodeConsts maps the names of the constants of type ErrorCode in a Go
// file to their literal values.
func errorCodeConsts(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != "ErrorCode" {
				continue
			}
			for i, name := range vs.Names {
				if lit, ok := vs.Values[i].(*ast.BasicLit); ok {
					out[name.Name] = lit.Value
				}
			}
		}
	}
	return out
}

// writeFile writes a test file.
func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
