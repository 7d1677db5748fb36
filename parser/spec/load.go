package spec

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi2conv"
	"github.com/getkin/kin-openapi/openapi3"

	"github.com/orcgen/orcgen/model"
)

// validateTimeout bounds kin-openapi's Validate, which ignores its context
// and slows down badly on long $ref chains. The real 20.0 definition
// validates in about 50 ms.
const validateTimeout = 30 * time.Second

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
	doc, err := loadDocument(data, kind, opts)
	if err != nil {
		return nil, specError(opts.URI, err)
	}
	s, err := extract(doc)
	if err == nil {
		err = checkLimits(s)
	}
	if err != nil {
		return nil, specError(opts.URI, err)
	}
	s.Source = source(data, doc, opts.URI)
	return s, nil
}

// LoadDocument returns the definition as an OpenAPI 3 document (2.0
// converted with openapi2conv), for the patch mode of the OpenAPI emitter.
// A snapshot holds no document and is an error.
func LoadDocument(data []byte, opts Options) (*openapi3.T, error) {
	kind, err := detectKind(data)
	if err == nil && kind == kindSnapshot {
		err = errors.New("an orcgen spec snapshot holds no OpenAPI document: give the definition itself")
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
// under the external-ref policy and validates it.
func loadDocument(data []byte, kind string, opts Options) (*openapi3.T, error) {
	loader := newLoader(opts)
	location, err := baseLocation(opts)
	if err != nil {
		return nil, err
	}
	var doc *openapi3.T
	if kind == kindSwagger2 {
		doc, err = loadSwagger2(data, loader, location)
	} else {
		doc, err = loadOpenAPI3(data, loader, location)
	}
	if err != nil {
		return nil, refError(err)
	}
	if err := validate(doc, validateTimeout); err != nil {
		return nil, err
	}
	return doc, nil
}

// newLoader returns a kin-openapi loader that records origins (for the order
// of properties and for error lines) and refuses external $refs unless the
// options allow them. Allowed refs read through readExternal, which has a
// timeout and a size limit; refused ones are left to kin-openapi's own check,
// which applies only while ReadFromURIFunc is unset.
func newLoader(opts Options) *openapi3.Loader {
	loader := openapi3.NewLoader()
	loader.IncludeOrigin = true
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

// loadOpenAPI3 decodes an OpenAPI 3.x document and resolves its $refs.
func loadOpenAPI3(data []byte, loader *openapi3.Loader, location *url.URL) (*openapi3.T, error) {
	if location != nil {
		return loader.LoadFromDataWithPath(data, location)
	}
	return loader.LoadFromData(data)
}

// loadSwagger2 decodes a Swagger 2.0 document and converts it to OpenAPI 3,
// resolving its $refs with loader.
func loadSwagger2(data []byte, loader *openapi3.Loader, location *url.URL) (*openapi3.T, error) {
	var doc2 openapi2.T
	if err := openapi2.UnmarshalFromData(data, &doc2); err != nil {
		return nil, err
	}
	doc, err := openapi2conv.ToV3WithLoader(&doc2, loader, location)
	if err != nil {
		return nil, fmt.Errorf("convert swagger 2.0 to openapi 3: %w", err)
	}
	return doc, nil
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

// validate checks doc leniently — examples, defaults, patterns and formats
// are not checked, since vendor definitions get them wrong harmlessly — and
// gives up after timeout. Validate ignores contexts, so a run that times out
// keeps going in the background until it ends on its own.
func validate(doc *openapi3.T, timeout time.Duration) error {
	done := make(chan error, 1)
	go func() {
		done <- doc.Validate(context.Background(),
			openapi3.DisableExamplesValidation(),
			openapi3.DisableSchemaDefaultsValidation(),
			openapi3.DisableSchemaPatternValidation(),
			openapi3.DisableSchemaFormatValidation(),
		)
	}()
	select {
	case err := <-done:
		if err != nil {
			return fmt.Errorf("invalid definition: %w", err)
		}
		return nil
	case <-time.After(timeout):
		return fmt.Errorf("validation did not finish within %v", timeout)
	}
}
