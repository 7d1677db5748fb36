package spec

import (
	"fmt"
	"net/url"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi2conv"
	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v4"
)

// decodeJSON decodes a JSON definition and resolves its $refs (converting
// 2.0 to 3). Duplicate keys (which encoding/json would resolve silently,
// the last one winning), objects beyond the key budget and $refs beyond
// maxRefWork are refused first. OpenAPI 3 goes through jsonToNode and
// kin-openapi's own decoder: about 0.75 times the CPU time of the YAML
// form, where kin-openapi's loader, parsing JSON as YAML, takes 4 times and
// encoding/json 1.6 times. Swagger 2.0, whose types have no such decoder,
// goes through kin-openapi's loader, which measured faster than
// encoding/json for it.
func decodeJSON(data []byte, kind string, loader *openapi3.Loader, location *url.URL) (*openapi3.T, error) {
	if kind == kindSwagger2 {
		if err := checkJSON(data); err != nil {
			return nil, err
		}
		if err := checkRefWork(data, true); err != nil {
			return nil, err
		}
		var doc2 openapi2.T
		if err := openapi2.UnmarshalFromData(data, &doc2); err != nil {
			return nil, err
		}
		return convertSwagger2(&doc2, loader, location)
	}
	root, err := jsonToNode(data)
	if err != nil {
		return nil, err
	}
	if root.Kind != yaml.MappingNode {
		return nil, errNotObject
	}
	if err := checkRefWork(data, true); err != nil {
		return nil, err
	}
	doc, ok := decodeDocument(root)
	if !ok {
		// Decoded whole for the decoder's own error.
		doc = &openapi3.T{}
		if err := doc.UnmarshalYAML(root); err != nil {
			return nil, fmt.Errorf("json: %w", err)
		}
	}
	if err := loader.ResolveRefsIn(doc, location); err != nil {
		return nil, err
	}
	return doc, nil
}

// decodeYAML decodes a YAML definition with kin-openapi, which refuses
// duplicate keys, after checkYAML and checkRefWork refused what would take
// it unbounded time. OpenAPI 3 without external $refs is read in pieces
// (decodeYAMLPieces) where the document allows it.
func decodeYAML(data []byte, kind string, loader *openapi3.Loader, location *url.URL) (*openapi3.T, error) {
	outline, err := scanYAML(data)
	if err != nil {
		return nil, err
	}
	if err := checkRefWork(data, false); err != nil {
		return nil, err
	}
	if kind == kindSwagger2 {
		var doc2 openapi2.T
		if err := openapi2.UnmarshalFromData(data, &doc2); err != nil {
			return nil, err
		}
		return convertSwagger2(&doc2, loader, location)
	}
	if location != nil {
		return loader.LoadFromDataWithPath(data, location)
	}
	if doc, ok, err := decodeYAMLPieces(data, outline, loader); ok {
		return doc, err
	}
	return loader.LoadFromData(data)
}

// convertSwagger2 converts a Swagger 2.0 document to OpenAPI 3, resolving
// its $refs with loader.
func convertSwagger2(doc2 *openapi2.T, loader *openapi3.Loader, location *url.URL) (*openapi3.T, error) {
	doc, err := openapi2conv.ToV3WithLoader(doc2, loader, location)
	if err != nil {
		return nil, fmt.Errorf("convert swagger 2.0 to openapi 3: %w", err)
	}
	return doc, nil
}
