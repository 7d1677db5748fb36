package spec

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/orcgen/orcgen/model"
)

// Options configure Load.
type Options struct {
	// URI is where the bytes came from: a file path as the user gave it, a
	// URL, or "embedded:<name>". It goes into model.Source.URI and errors,
	// and is the base that relative external $refs resolve against.
	URI string
	// AllowExternalRefs lets the definition's $refs read other files and
	// URLs; without it any $ref outside the document is an error.
	AllowExternalRefs bool
}

// Load reads a Swagger 2.0 or OpenAPI 3.0/3.1 definition (JSON or YAML) — or
// an orcgen spec snapshot (JSON with "orcgenSpecSnapshot": 1) — and extracts
// the facts. A snapshot's facts, Source included, are returned as stored.
func Load(data []byte, opts Options) (*model.Spec, error) {
	kind, err := detectKind(data)
	if err != nil {
		return nil, specError(opts.URI, err)
	}
	if kind == kindSnapshot {
		s, err := loadSnapshot(data)
		if err == nil {
			err = checkLimits(s)
		}
		if err != nil {
			return nil, specError(opts.URI, err)
		}
		return s, nil
	}
	_, s, err := loadDefinition(data, kind, opts)
	return s, err
}

// errNoDocument refuses a snapshot where a document is needed.
var errNoDocument = errors.New("an orcgen spec snapshot holds no OpenAPI document: give the definition itself")

// LoadDocument returns the definition as an OpenAPI 3 document (2.0
// converted with openapi2conv), for the patch mode of the OpenAPI emitter.
// A snapshot holds no document and is an error.
func LoadDocument(data []byte, opts Options) (*openapi3.T, error) {
	kind, err := detectKind(data)
	if err == nil && kind == kindSnapshot {
		err = errNoDocument
	}
	if err != nil {
		return nil, specError(opts.URI, err)
	}
	doc, err := loadDocument(data, kind, opts)
	if err != nil {
		return nil, specError(opts.URI, err)
	}
	return doc, nil
}

// LoadDocumentAndFacts returns both the OpenAPI 3 document of LoadDocument
// and the facts of Load from one parse and one validation, for commands
// that need both (patch). A snapshot holds no document and is an error.
func LoadDocumentAndFacts(data []byte, opts Options) (*openapi3.T, *model.Spec, error) {
	kind, err := detectKind(data)
	if err == nil && kind == kindSnapshot {
		err = errNoDocument
	}
	if err != nil {
		return nil, nil, specError(opts.URI, err)
	}
	return loadDefinition(data, kind, opts)
}

// loadDefinition loads and validates a definition (not a snapshot) and
// extracts its facts.
func loadDefinition(data []byte, kind string, opts Options) (*openapi3.T, *model.Spec, error) {
	doc, err := loadDocument(data, kind, opts)
	if err != nil {
		return nil, nil, specError(opts.URI, err)
	}
	s, err := extract(doc, data, kind)
	if err == nil {
		err = checkLimits(s)
	}
	if err != nil {
		return nil, nil, specError(opts.URI, err)
	}
	s.Source = source(data, doc, opts.URI)
	return doc, s, nil
}

// specError prefixes err with the input's URI: "spec <uri>: <reason>".
func specError(uri string, err error) error {
	if uri == "" {
		uri = "(unnamed)"
	}
	return fmt.Errorf("spec %s: %w", uri, err)
}

// source describes the definition: its URI, the SHA-256 of its bytes and its
// info title and version.
func source(data []byte, doc *openapi3.T, uri string) model.Source {
	sum := sha256.Sum256(data)
	src := model.Source{Kind: model.SourceSpec, URI: uri, SHA256: hex.EncodeToString(sum[:])}
	if doc.Info != nil {
		src.Title, src.Version = doc.Info.Title, doc.Info.Version
	}
	return src
}

// loadDocument decodes a definition of the given kind, resolves its $refs
// under the external-ref policy and validates it. JSON is decoded with
// encoding/json (after checkJSON), YAML by kin-openapi (after checkYAML).
func loadDocument(data []byte, kind string, opts Options) (*openapi3.T, error) {
	// Trailing white space means nothing in JSON or YAML, and the YAML
	// scanner buffers every blank line after a plain value: a definition
	// followed by megabytes of newlines would cost hundreds of megabytes.
	data = bytes.TrimRight(data, " \t\r\n")
	loader := newLoader(opts)
	location, err := baseLocation(opts)
	if err != nil {
		return nil, err
	}
	var doc *openapi3.T
	if isJSON(data) {
		doc, err = decodeJSON(trimBOM(data), kind, loader, location)
	} else {
		doc, err = decodeYAML(data, kind, loader, location)
	}
	if err != nil {
		return nil, refError(err)
	}
	if err := validate(doc); err != nil {
		return nil, err
	}
	return doc, nil
}

// newLoader returns a kin-openapi loader that refuses external $refs unless
// the options allow them. Allowed refs read through readExternal, which has
// a timeout and a size limit; refused ones are left to kin-openapi's own
// check, which applies only while ReadFromURIFunc is unset. It records no
// origins: they cost about 110 bytes a line and 1.4 times the load, and the
// one thing they served, the order of the error schema's properties, is
// read from the bytes (propertyOrder).
func newLoader(opts Options) *openapi3.Loader {
	loader := openapi3.NewLoader()
	if opts.AllowExternalRefs {
		loader.IsExternalRefsAllowed = true
		loader.ReadFromURIFunc = readExternal
	}
	return loader
}

// baseLocation returns the URL relative $refs resolve against, nil when
// external refs are refused or the input has no file or URL to resolve from.
func baseLocation(opts Options) (*url.URL, error) {
	if !opts.AllowExternalRefs || opts.URI == "" || strings.HasPrefix(opts.URI, "embedded:") {
		return nil, nil
	}
	if strings.HasPrefix(opts.URI, "http://") || strings.HasPrefix(opts.URI, "https://") {
		u, err := url.Parse(opts.URI)
		if err != nil {
			return nil, fmt.Errorf("base URL: %w", err)
		}
		return u, nil
	}
	return &url.URL{Path: filepath.ToSlash(opts.URI)}, nil
}

// refError rewords kin-openapi's refusal of an external $ref so that it
// names the remedy; the original error stays wrapped for errors.As.
func refError(err error) error {
	var refused *openapi3.DisallowedExternalRefError
	if errors.As(err, &refused) {
		return fmt.Errorf("external $ref %q refused (external refs are not allowed unless opted in): %w", refused.Ref, err)
	}
	return err
}
