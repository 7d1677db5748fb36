package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/orcgen/orcgen/gen"
	"github.com/orcgen/orcgen/gen/naming"
	"github.com/orcgen/orcgen/parser/source"
)

// configName is the config file looked up in the current directory.
const configName = "orcgen.yaml"

// config is orcgen.yaml, and the settings after flags override it.
type config struct {
	// Page is the Response Codes page: file path or URL; "" for the
	// embedded default.
	Page string `yaml:"page"`
	// Spec is the Swagger/OpenAPI definition or a snapshot; "" for the
	// embedded default.
	Spec string `yaml:"spec"`
	// Out is the output directory; "generated" when empty.
	Out string `yaml:"out"`
	// Package is the Go package name (and its directory under Out).
	Package string `yaml:"package"`
	// Artifacts selects what generate writes and check compares.
	Artifacts []string `yaml:"artifacts"`
	// Lock is the names lock's path relative to Out.
	Lock string `yaml:"lock"`
	// Templates is a directory of Markdown templates overriding the
	// embedded ones.
	Templates string `yaml:"templates"`
	// AllowExternalRefs lets the spec's $refs read other files and URLs.
	AllowExternalRefs bool `yaml:"allowExternalRefs"`
	// Extend lets names guessed by extending a run of enum names be used.
	Extend bool `yaml:"extend"`
}

// loadConfig reads the config file: path when given, else orcgen.yaml in
// the current directory if it exists, else an empty config. Relative local
// paths in the file are made relative to the file's directory.
func loadConfig(path string) (*config, error) {
	explicit := path != ""
	if !explicit {
		path = configName
	}
	data, err := os.ReadFile(path)
	if err != nil {
		if !explicit && errors.Is(err, os.ErrNotExist) {
			return &config{}, nil
		}
		return nil, fmt.Errorf("config: %w", err)
	}
	c, err := parseConfig(data)
	if err != nil {
		return nil, fmt.Errorf("config %s: %w", path, err)
	}
	c.rebase(filepath.Dir(path))
	return c, nil
}

// parseConfig decodes a config strictly: unknown fields are errors.
func parseConfig(data []byte) (*config, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var c config
	if err := dec.Decode(&c); err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	return &c, nil
}

// rebase makes the config's relative file paths relative to dir.
func (c *config) rebase(dir string) {
	if dir == "." {
		return
	}
	for _, p := range []*string{&c.Page, &c.Spec, &c.Out, &c.Templates} {
		if *p != "" && !isURL(*p) && !filepath.IsAbs(*p) {
			*p = filepath.Join(dir, *p)
		}
	}
}

// setDefaults fills the output settings left empty.
func (c *config) setDefaults() {
	if c.Out == "" {
		c.Out = gen.DefaultOut
	}
	if c.Package == "" {
		c.Package = gen.DefaultPackage
	}
	if c.Lock == "" {
		c.Lock = gen.DefaultLockPath
	}
	if len(c.Artifacts) == 0 {
		c.Artifacts = gen.Artifacts()
	}
}

// validate reports every invalid setting at once.
func (c *config) validate() error {
	var errs []error
	if err := naming.CheckPackage(c.Package); err != nil {
		errs = append(errs, err)
	}
	artifactNames := gen.Artifacts()
	seen := map[string]bool{}
	for _, a := range c.Artifacts {
		switch {
		case !slices.Contains(artifactNames, a):
			errs = append(errs, fmt.Errorf("artifacts: unknown artifact %q (want %s)", a, strings.Join(artifactNames, ", ")))
		case seen[a]:
			errs = append(errs, fmt.Errorf("artifacts: %q listed twice", a))
		}
		seen[a] = true
	}
	if !filepath.IsLocal(c.Lock) {
		errs = append(errs, fmt.Errorf("lock: %q must be a relative path inside the output directory", c.Lock))
	}
	if seen["go"] {
		opts := gen.Options{Package: c.Package}
		for _, a := range gen.Table {
			if a.Name != "go" && seen[a.Name] && a.Dir(opts) == c.Package {
				errs = append(errs, fmt.Errorf("package: %q clashes with the %s/ directory of the %s artifact", c.Package, c.Package, a.Name))
			}
		}
	}
	return errors.Join(errs...)
}

// isURL reports whether s names a URL rather than a file.
func isURL(s string) bool {
	return strings.Contains(s, "://") || strings.HasPrefix(s, "embedded:")
}

// recorded returns the settings the lock records for check: inputs relative
// to the lock file's directory (URLs without user info and query), the
// artifacts in the table's order.
func (c *config) recorded() *gen.Settings {
	lockDir := filepath.Dir(filepath.Join(c.Out, c.Lock))
	rel := func(p string) string {
		if p == "" || isURL(p) {
			return source.Redact(p)
		}
		abs, err := filepath.Abs(p)
		base, berr := filepath.Abs(lockDir)
		if err == nil && berr == nil {
			if r, err := filepath.Rel(base, abs); err == nil {
				return filepath.ToSlash(r)
			}
		}
		return filepath.ToSlash(p)
	}
	var arts []string
	for _, a := range gen.Artifacts() {
		if slices.Contains(c.Artifacts, a) {
			arts = append(arts, a)
		}
	}
	lock := filepath.ToSlash(c.Lock)
	if lock == gen.DefaultLockPath {
		lock = ""
	}
	return &gen.Settings{
		Page:              rel(c.Page),
		Spec:              rel(c.Spec),
		Artifacts:         arts,
		Lock:              lock,
		Templates:         rel(c.Templates),
		AllowExternalRefs: c.AllowExternalRefs,
		Extend:            c.Extend,
	}
}
