package markdown_test

import (
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/orcgen/orcgen/gen/markdown"
	"github.com/orcgen/orcgen/gen/markdown/mdtest"
	"github.com/orcgen/orcgen/internal/testenv"
	"github.com/orcgen/orcgen/model"
)

var update = flag.Bool("update", false, "update golden files")

// loadModel reads a model file of testdata/models-emit.
func loadModel(t *testing.T, name string) *model.Catalog {
	return testenv.Catalog(t, "testdata", "models-emit", name)
}

func TestRenderGolden(t *testing.T) {
	models, err := filepath.Glob(filepath.Join(testenv.Root(), "testdata", "models-emit", "*.json"))
	if err != nil || len(models) == 0 {
		t.Fatalf("no models in testdata/models-emit: %v", err)
	}
	for _, path := range models {
		name := strings.TrimSuffix(filepath.Base(path), ".json")
		t.Run(name, func(t *testing.T) {
			cat := loadModel(t, name+".json")
			got, err := markdown.Render(cat, markdown.Options{})
			if err != nil {
				t.Fatal(err)
			}
			again, err := markdown.Render(loadModel(t, name+".json"), markdown.Options{})
			if err != nil || string(again) != string(got) {
				t.Errorf("second rendering differs (err %v)", err)
			}
			checkGolden(t, filepath.Join(testenv.Root(), "testdata", "golden", "markdown", name+".md"), got)
			mdtest.Check(t, cat)
		})
	}
}

// checkGolden compares got with a golden file (see testenv.Golden).
func checkGolden(t *testing.T, golden string, got []byte) {
	t.Helper()
	testenv.Golden(t, *update, golden, got)
}

func TestRenderForm(t *testing.T) {
	got, err := markdown.Render(loadModel(t, "basic.json"), markdown.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := string(got)
	// The generated-file marker is the artifact table's (package gen), not
	// the user-overridable template's.
	if !strings.HasPrefix(s, "# Orchestrator response codes\n") {
		t.Errorf("does not start with the title: %q", s[:60])
	}
	if !strings.HasSuffix(s, "2222222222222222222222222222222222222222222222222222222222222222 |\n") {
		t.Errorf("does not end with the sources table and one newline: %q", s[len(s)-80:])
	}
	for _, want := range []string{
		"| [1001](#code-1001) | NameAlreadyUsed | The name \\[CustomNameYouAdded\\] is already used. |  |  |\n",
		"<a id=\"code-1001\"></a>\n\n### 1001 NameAlreadyUsed\n",
		"- The name `[CustomNameYouAdded]` is already used.\n",
		"- `POST`, `PUT` `/odata/Robots` (operationId `Robots_Post`, `Robots_PutById`)\n",
		"- **Also known as:** `RobotNotFound` (the spec's other name for the code)\n",
		"| PUT /odata/Robots | Robots\\_PutById | [1001](#code-1001) |\n",
		"### Uncategorized\n\n- [1001](#code-1001) NameAlreadyUsed\n",
		"## Codes by HTTP status\n\n### 409 Conflict\n\n- [1300](#code-1300) Conflict1300\n\n### No status stated\n\n- [1000](#code-1000) InvalidRequest\n",
		"| RobotNotFound | [1002](#code-1002) | the spec's other name for the code |\n",
		"| page | Response Codes, Orchestrator API guide | https://docs.uipath.com/orchestrator/automation-cloud/latest/api-guide/response-codes |  | 1111111111111111111111111111111111111111111111111111111111111111 |\n",
		"| spec | UiPath.WebApi 20.0 |  | 20.0 | 2222222222222222222222222222222222222222222222222222222222222222 |\n",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("document lacks %q", want)
		}
	}
}

func TestRenderTemplateOverride(t *testing.T) {
	dir := t.TempDir()
	summary := "{{- /*gotype: github.com/orcgen/orcgen/gen/markdown.View*/ -}}\n## My summary\n{{ range .Codes }}* {{ .Code }}\n{{ end }}"
	if err := os.WriteFile(filepath.Join(dir, "summary.md.tmpl"), []byte(summary), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := markdown.Render(loadModel(t, "basic.json"), markdown.Options{Templates: os.DirFS(dir)})
	if err != nil {
		t.Fatal(err)
	}
	s := string(got)
	if !strings.Contains(s, "## My summary\n* 1000\n* 1001\n* 1002\n* 1009\n* 1300\n") {
		t.Errorf("override not used:\n%s", s)
	}
	if strings.Contains(s, "| Code | Name |") {
		t.Error("embedded summary still rendered")
	}
	if !strings.Contains(s, "### 1001 NameAlreadyUsed") {
		t.Error("embedded codes template not rendered beside the override")
	}
}

func TestRenderTemplateErrors(t *testing.T) {
	for _, tc := range []struct{ name, tmpl, want string }{
		{"parse", "{{ .Codes ", `parse template "codes.md.tmpl": template: codes.md.tmpl:1: unclosed action`},
		{"execute", "{{ .NoSuchField }}", `render response-codes.md.tmpl: template: codes.md.tmpl:1:3: executing "codes.md.tmpl" at <.NoSuchField>: can't evaluate field NoSuchField in type markdown.View`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{"codes.md.tmpl": {Data: []byte(tc.tmpl)}}
			_, err := markdown.Render(loadModel(t, "basic.json"), markdown.Options{Templates: fsys})
			if err == nil || err.Error() != tc.want {
				t.Errorf("err = %v\nwant %s", err, tc.want)
			}
		})
	}
}

func TestRenderUnreadableTemplate(t *testing.T) {
	fsys := fstest.MapFS{"codes.md.tmpl": {Mode: fs.ModeDir}}
	_, err := markdown.Render(loadModel(t, "basic.json"), markdown.Options{Templates: fsys})
	if err == nil || !strings.HasPrefix(err.Error(), `read template "codes.md.tmpl": `) || errors.Unwrap(err) == nil {
		t.Errorf("err = %v", err)
	}
}

// TestRenderNamesGolden renders real rows (from the committed model) whose
// codes are known by several names: stated by the page beside the
// identifier, the spec's other names, a name the spec's order suggests,
// one name stated for two codes; and sources read from a local copy and a
// URL holding credentials.
func TestRenderNamesGolden(t *testing.T) {
	cat := testenv.Catalog(t, "gen", "markdown", "testdata", "names.json")
	got, err := markdown.Render(cat, markdown.Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, filepath.Join("testdata", "names.md"), got)
	mdtest.Check(t, cat)
	s := string(got)
	for _, want := range []string{
		"- **Also known as:** `InvalidNonProductionMachineSlots` (stated by the page; the spec's other name for the code), `InvalidUnattendedMachineSlots` (stated by the page; the spec's other name for the code)\n",
		"- **Also known as:** `CannotUpdateBusyRobot` (suggested by the spec's enum order, a guess)\n",
		"| PackageNotFound | [1661](#code-1661) | stated by the page |\n| PackageNotFound | [1677](#code-1677) | identifier: stated by the page |\n",
		"| page | Response Codes, Orchestrator API guide | " + markdown.PageURL + " |  |",
		"| spec | UiPath.WebApi 20.0 | https://cloud.uipath.com/org/tenant/orchestrator\\_/swagger/v20.0/swagger.json | 20.0 |",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("document lacks %q", want)
		}
	}
	for _, leak := range []string{"/home/someone", "secret", "token"} {
		if strings.Contains(s, leak) {
			t.Errorf("document shows %q from a source's location", leak)
		}
	}
}
