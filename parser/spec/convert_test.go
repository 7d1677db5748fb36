package spec

import (
	"bytes"
	"encoding/json"
	"testing"

	"gopkg.in/yaml.v3"
)

// yamlToJSON converts a YAML document to indented JSON, keeping the order
// of every mapping's keys (encoding/json would sort them), so that the two
// forms of one definition can be compared.
func yamlToJSON(tb testing.TB, data []byte) []byte {
	tb.Helper()
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	if err := writeJSONNode(&buf, root.Content[0], ""); err != nil {
		tb.Fatal(err)
	}
	buf.WriteByte('\n')
	return buf.Bytes()
}

func writeJSONNode(buf *bytes.Buffer, n *yaml.Node, indent string) error {
	inner := indent + "  "
	switch n.Kind {
	case yaml.AliasNode:
		return writeJSONNode(buf, n.Alias, indent)
	case yaml.MappingNode:
		buf.WriteString("{")
		for i := 0; i+1 < len(n.Content); i += 2 {
			if i > 0 {
				buf.WriteString(",")
			}
			buf.WriteString("\n" + inner)
			key, _ := json.Marshal(n.Content[i].Value)
			buf.Write(key)
			buf.WriteString(": ")
			if err := writeJSONNode(buf, n.Content[i+1], inner); err != nil {
				return err
			}
		}
		buf.WriteString("\n" + indent + "}")
	case yaml.SequenceNode:
		buf.WriteString("[")
		for i, c := range n.Content {
			if i > 0 {
				buf.WriteString(",")
			}
			buf.WriteString("\n" + inner)
			if err := writeJSONNode(buf, c, inner); err != nil {
				return err
			}
		}
		buf.WriteString("\n" + indent + "]")
	default:
		var v any
		if err := n.Decode(&v); err != nil {
			return err
		}
		if n.Tag == "!!timestamp" {
			v = n.Value
		}
		b, err := json.Marshal(v)
		if err != nil {
			return err
		}
		buf.Write(b)
	}
	return nil
}
