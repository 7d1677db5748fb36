package openapi

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/orcgen/orcgen/internal/testenv"
)

// The recipes of the README's "Client generators" section live in
// testdata/recipes; these tests run each one on the errors.yaml Errors
// writes for testdata/models-emit/basic.json.

// recipeDir copies testdata/recipes/name into a temporary directory, writes
// errors.yaml beside it and returns the directory.
func recipeDir(t *testing.T, name string) string {
	t.Helper()
	doc, err := Errors(loadModel(t, "basic.json"))
	if err != nil {
		t.Fatal(err)
	}
	y, _, err := Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join(testenv.Root(), "testdata", "recipes", name))); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "errors.yaml"), string(y))
	return dir
}

// TestRecipeOapiCodegenConfig runs the README's oapi-codegen recipes: the
// config file with skip-prune gives package orch its ErrorCode constants,
// and a spec of the user's whose error responses are $refs into errors.yaml
// gets a client whose error bodies are orch types (import-mapping). The
// client program built from both decodes a 404 body into orch.ErrorResult
// and compares it with orch.ErrorCodeItemNotFound.
func TestRecipeOapiCodegenConfig(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go run of oapi-codegen (module download, build); skipped with -short")
	}
	dir := recipeDir(t, "oapi-codegen")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()

	// Why the recipe needs its config: by default every component is pruned.
	runGo(t, ctx, dir, "run", oapiCodegen, "-generate", "types", "-package", "orch", "-o", "pruned.go", "errors.yaml")
	if consts := errorCodeConsts(t, filepath.Join(dir, "pruned.go")); len(consts) != 0 {
		t.Errorf("oapi-codegen without skip-prune kept %d ErrorCode constants; the README says it keeps none", len(consts))
	}
	if err := os.Remove(filepath.Join(dir, "pruned.go")); err != nil {
		t.Fatal(err)
	}

	runGo(t, ctx, dir, "run", oapiCodegen, "-config", "orch/oapi-codegen.yaml", "errors.yaml")
	runGo(t, ctx, dir, "run", oapiCodegen, "-config", "api/oapi-codegen.yaml", "api.yaml")
	consts := errorCodeConsts(t, filepath.Join(dir, "orch", "errors.gen.go"))
	for name, want := range map[string]int{"ErrorCodeItemNotFound": 1002, "ErrorCodeNameAlreadyUsed": 1001, "ErrorCodeConflict1300": 1300} {
		if got := consts[name]; got != strconv.Itoa(want) {
			t.Errorf("orch.%s = %q, want %d", name, got, want)
		}
	}
	api, err := os.ReadFile(filepath.Join(dir, "api", "api.gen.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(api), `externalRef0 "example.com/client/orch"`) || strings.Contains(string(api), "type ErrorResult ") {
		t.Errorf("api.gen.go does not import the orch types through import-mapping (or defines its own ErrorResult)")
	}
	runGo(t, ctx, dir, "vet", "./...")
	runGo(t, ctx, dir, "build", "-o", "client", ".")
	if out := runTool(t, ctx, dir, filepath.Join(dir, "client")); out != "true Robot does not exist.\n" {
		t.Errorf("client program printed %q, want %q", out, "true Robot does not exist.\n")
	}
}

// TestRecipeTypeScript runs the README's TypeScript recipe when npm is
// installed (CI has Go only): openapi-typescript --enum turns the ErrorCode
// enum into a TypeScript enum named by x-enum-varnames, tsc --strict checks
// a program using it, and node runs the program.
func TestRecipeTypeScript(t *testing.T) {
	if testing.Short() {
		t.Skip("runs npm install; skipped with -short")
	}
	if _, err := exec.LookPath("npm"); err != nil {
		t.Skip("npm is not installed")
	}
	dir := recipeDir(t, "typescript")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	runTool(t, ctx, dir, "npm", "install", "--no-audit", "--no-fund", "--ignore-scripts")
	runTool(t, ctx, dir, "npx", "openapi-typescript", "errors.yaml", "--enum", "-o", "errors.ts")
	ts, err := os.ReadFile(filepath.Join(dir, "errors.ts"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"export enum ErrorCode {", "    ItemNotFound = 1002,", "    Conflict1300 = 1300"} {
		if !strings.Contains(string(ts), want) {
			t.Errorf("errors.ts lacks %q", want)
		}
	}
	runTool(t, ctx, dir, "npx", "tsc", "--strict", "--target", "es2020", "--module", "commonjs", "--outDir", "out", "use.ts")
	if out := runTool(t, ctx, dir, "node", "out/use.js"); out != "true 1002\n" {
		t.Errorf("use.js printed %q, want %q", out, "true 1002\n")
	}
}

// runTool runs a command in dir, skipping the test when a package download
// fails for network reasons.
func runTool(t *testing.T, ctx context.Context, dir, name string, args ...string) string {
	t.Helper()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err == nil {
		return string(out)
	}
	for _, s := range append(networkFailures, "ENOTFOUND", "EAI_AGAIN", "ECONNREFUSED", "ETIMEDOUT") {
		if strings.Contains(string(out), s) {
			t.Skipf("%s: download failed for a network reason: %s", name, out)
		}
	}
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		t.Fatalf("%s %s: timed out: %s", name, strings.Join(args, " "), out)
	}
	t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	return ""
}
