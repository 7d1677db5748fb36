package spec

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
)

// Limits on what an allowed external $ref may read.
const (
	externalTimeout = 30 * time.Second
	externalMaxSize = 64 << 20
)

// readExternal reads the document an allowed external $ref points at: a
// local file, or an http(s) URL with a timeout. Either is capped at
// externalMaxSize bytes. It refuses everything unless the loader allows
// external refs, since kin-openapi leaves that check to a custom reader.
func readExternal(loader *openapi3.Loader, location *url.URL) ([]byte, error) {
	if !loader.IsExternalRefsAllowed {
		return nil, &openapi3.DisallowedExternalRefError{Ref: location.String()}
	}
	var data []byte
	var err error
	switch location.Scheme {
	case "http", "https":
		data, err = readHTTP(location)
	case "", "file":
		data, err = readFile(location.Path)
	default:
		return nil, fmt.Errorf("external $ref %q: unsupported scheme %q", location.String(), location.Scheme)
	}
	if err != nil {
		return nil, err
	}
	if err := checkBudgets(data); err != nil {
		return nil, fmt.Errorf("external $ref %q: %w", location.String(), err)
	}
	return data, nil
}

// checkBudgets applies to a document that an external $ref reads the
// bounds the definition itself passed: the key budget and maxRefWork.
func checkBudgets(data []byte) error {
	data = trimBOM(data)
	json := isJSON(data)
	check := checkYAML
	if json {
		check = checkJSON
	}
	if err := check(data); err != nil {
		return err
	}
	return checkRefWork(data, json)
}

// readHTTP fetches an external $ref's document.
func readHTTP(location *url.URL) ([]byte, error) {
	client := &http.Client{Timeout: externalTimeout}
	resp, err := client.Get(location.String())
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("external $ref %q: HTTP status %s", location.String(), resp.Status)
	}
	return readCapped(resp.Body, location.String())
}

// readFile reads an external $ref's local file.
func readFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readCapped(f, name)
}

// readCapped reads r up to externalMaxSize bytes, failing beyond.
func readCapped(r io.Reader, name string) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, externalMaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("external $ref %q: %w", name, err)
	}
	if len(data) > externalMaxSize {
		return nil, fmt.Errorf("external $ref %q: larger than %d bytes", name, externalMaxSize)
	}
	return data, nil
}
