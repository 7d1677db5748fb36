package markdown

import (
	"bytes"
	"fmt"
	"io/fs"
	"text/template"

	"github.com/orcgen/orcgen/model"
	"github.com/orcgen/orcgen/templates"
)

// Document is the name of the template that renders the whole document.
const Document = "response-codes.md.tmpl"

// Options configure Render.
type Options struct {
	// Templates holds the user's templates (e.g. os.DirFS of a directory).
	// Each *.tmpl file in its root replaces the embedded template of the
	// same name, or adds a partial; nil uses the embedded templates only.
	Templates fs.FS
}

// Render renders the catalog's response-codes document.
func Render(cat *model.Catalog, opts Options) ([]byte, error) {
	t, err := parse(opts.Templates)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, Document, newView(cat)); err != nil {
		return nil, fmt.Errorf("render %s: %w", Document, err)
	}
	return append(bytes.TrimRight(buf.Bytes(), "\n"), '\n'), nil
}

// parse parses the embedded templates, then the user's over them.
func parse(user fs.FS) (*template.Template, error) {
	t, err := template.New(Document).Option("missingkey=error").ParseFS(templates.FS, "*.tmpl")
	if err != nil {
		return nil, fmt.Errorf("parse embedded templates: %w", err)
	}
	if user == nil {
		return t, nil
	}
	names, err := fs.Glob(user, "*.tmpl")
	if err != nil {
		return nil, fmt.Errorf("list user templates: %w", err)
	}
	for _, name := range names {
		data, err := fs.ReadFile(user, name)
		if err != nil {
			return nil, fmt.Errorf("read template %q: %w", name, err)
		}
		if _, err := t.New(name).Parse(string(data)); err != nil {
			return nil, fmt.Errorf("parse template %q: %w", name, err)
		}
	}
	return t, nil
}
