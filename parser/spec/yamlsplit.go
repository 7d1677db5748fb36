package spec

import (
	"bytes"
	"strings"

	"go.yaml.in/yaml/v4"
)

// A YAML definition is read in pieces that parse in parallel: the block
// mappings of a definition (its top level, paths, components, schemas) are
// cut at their keys' lines into runs of entries, each parsed on its own, and
// the node trees are joined into the one the whole document parses to. This
// file finds where the cuts may go; yamlsplit decode.go parses and decodes.
//
// A cut is made only at a line that starts a key of a block mapping at
// column c with the scanner outside every flow collection, quoted scalar
// and block scalar. The scanner's reading is not trusted beyond that: what
// makes a cut sound is checked on the pieces themselves (parsePiece). Each
// must parse, alone, to one block mapping whose keys sit at column c. Then
// the parse of the whole document, at the line of a cut, cannot be inside
// anything the piece before it opened: a quoted scalar or flow collection
// left open is an error at the end of that piece, and a block or plain
// scalar under a key at column c or deeper continues only on lines indented
// past c. The cut's line is then the next key of the same mapping, and the
// parse goes on from it as the next piece's does. A scanner that misreads
// the document costs a split (the document is parsed whole), not a wrong
// tree. A document with what the outline does not follow at all (anchors,
// aliases, multi-line long keys, tags, block scalars and multi-line quoted
// scalars as sequence items, directives, document markers, tabs, and line
// breaks other than "\n") is parsed whole.

// maxOutlineCol is the deepest indentation a mapping split into pieces may
// have: a definition's large mappings sit at most three levels down
// (components, schemas, a schema).
const maxOutlineCol = 12

// lineKind tells what an outline line starts.
type lineKind uint8

const (
	lineOther lineKind = iota // a scalar, a flow collection, a continuation
	lineKey                   // a key of a block mapping at the line's indent
	lineDash                  // a block sequence item ("- ...")
	lineValue                 // the value of a long key ("? key" then ": value")
)

// outlineLine is one line of a document's outline.
type outlineLine struct {
	off   int      // byte offset of the line
	no    int      // 1-based line number
	col   int      // indentation
	kind  lineKind // what the line starts
	child int      // a key with nothing after its colon, followed by a key line: that line's indent; else -1
}

// yamlOutline records, as estimateYAMLKeys scans a document, the lines at
// most maxOutlineCol deep that it reads outside flow collections and
// multi-line scalars, and whether it met anything that rules out a split.
type yamlOutline struct {
	lines   []outlineLine
	pending int  // index of the last line if it is a key with nothing after its colon, else -1
	long    int  // the indent of the last line if it is a long key ("? key"), else -1
	seen    bool // a line was seen
	unsafe  bool // the document holds something the outline does not follow
}

// see records line l, whose content past any "- " starts at col with
// content; ok tells whether content is "key: value" (yamlKeyValue).
func (o *yamlOutline) see(l yamlLine, col int, content, value []byte, ok bool) {
	if o.unsafe {
		return
	}
	if !o.seen {
		o.seen = true
		if l.indent != 0 {
			o.unsafe = true // a top level that is not a block mapping at column 0
			return
		}
	}
	kind := lineOther
	switch {
	case col != l.indent:
		kind = lineDash
	case ok:
		kind = lineKey
	}
	long := o.long
	o.long = -1
	if long >= 0 && (col != l.indent || l.indent != long || len(content) == 0 || content[0] != ':') {
		o.unsafe = true // a long key over more than one line
		return
	}
	if len(content) > 0 {
		switch content[0] {
		case '?':
			// A long key, which YAML emitters write "? key" then ": value"
			// for keys of more than 128 characters: a plain or quoted
			// scalar on one line.
			quoted := len(content) > 3 && (content[2] == '"' || content[2] == '\'') && quoteEnd(content[3:], content[2]) >= 0
			if kind != lineKey || len(content) < 3 || content[1] != ' ' || !quoted && strings.IndexByte("{[!&*|>\"'", content[2]) >= 0 {
				o.unsafe = true
				return
			}
			o.long = l.indent
			ok, value = false, nil
		case ':':
			if long < 0 {
				o.unsafe = true
				return
			}
			kind = lineValue
		case '\t', '|', '>', '%', '!', '&', '*':
			o.unsafe = true // tabs, block scalars in a sequence, directives, tags, anchors
			return
		case '-', '.':
			if l.indent == 0 && (bytes.HasPrefix(content, []byte("---")) || bytes.HasPrefix(content, []byte("..."))) {
				o.unsafe = true // a document marker
				return
			}
		case '"', '\'':
			if !ok && quoteEnd(content[1:], content[0]) < 0 {
				o.unsafe = true // a multi-line quoted scalar the scanner does not follow
				return
			}
		}
	}
	if ok && len(value) > 0 && value[0] == '!' {
		o.unsafe = true // a tag, perhaps before a quoted or block scalar
		return
	}
	if o.pending >= 0 {
		if kind == lineKey {
			o.lines[o.pending].child = l.indent
		}
		o.pending = -1
	}
	if l.indent > maxOutlineCol {
		return
	}
	o.lines = append(o.lines, outlineLine{off: l.off, no: l.no, col: l.indent, kind: kind, child: -1})
	if kind == lineKey && ok && len(value) == 0 {
		o.pending = len(o.lines) - 1
	}
}

// yamlMapping is a block mapping read in pieces.
type yamlMapping struct {
	pieces []*yamlPiece
}

// yamlPiece is a run of a mapping's entries parsed on its own: data[lo:hi],
// whose first line is line, the keys at column col. A piece with a child
// is one key whose value is the child mapping, read in pieces of its own.
// node is the piece's mapping once parsed.
type yamlPiece struct {
	lo, hi, line, col int
	child             *yamlMapping
	node              *yaml.Node
}

// plan cuts the document of size bytes that o outlines into pieces of about
// pieceBytes. It returns nil when the document cannot be cut or would be
// one piece.
func (o *yamlOutline) plan(size, pieceBytes int) *yamlMapping {
	if o == nil || o.unsafe || len(o.lines) == 0 || o.lines[0].col != 0 || o.lines[0].kind != lineKey {
		return nil
	}
	m := planMapping(o.lines, 0, size, 1, 0, pieceBytes)
	if m == nil || len(m.pieces) == 1 && m.pieces[0].child == nil {
		return nil
	}
	return m
}

// planMapping cuts the block mapping at column col that spans data[lo:hi]
// (starting on line loLine) and whose outline lines are lines.
func planMapping(lines []outlineLine, lo, hi, loLine, col, pieceBytes int) *yamlMapping {
	var keys []int
	for i, l := range lines {
		switch {
		case l.col < col, l.col == col && (l.kind == lineOther || l.kind == lineValue && (i == 0 || lines[i-1].col != col || lines[i-1].kind != lineKey)):
			return nil // not one block mapping at col
		case l.col == col && l.kind == lineKey:
			keys = append(keys, i)
		}
	}
	if len(keys) == 0 || keys[0] != 0 {
		return nil
	}
	m := &yamlMapping{}
	var open *yamlPiece // the text piece being filled
	for n, k := range keys {
		key := lines[k]
		end, next := hi, len(lines)
		if n+1 < len(keys) {
			next = keys[n+1]
			end = lines[next].off
		}
		start, startLine := key.off, key.no
		if n == 0 {
			start, startLine = lo, loLine
		}
		if end-key.off > pieceBytes && key.child > col && key.child <= maxOutlineCol && k+1 < next {
			first := lines[k+1]
			child := planMapping(lines[k+1:next], first.off, end, first.no, key.child, pieceBytes)
			if child == nil {
				return nil
			}
			m.pieces = append(m.pieces, &yamlPiece{lo: start, hi: first.off, line: startLine, col: col, child: child})
			open = nil
			continue
		}
		if open == nil {
			open = &yamlPiece{lo: start, line: startLine, col: col}
			m.pieces = append(m.pieces, open)
		}
		open.hi = end
		if end-open.lo >= pieceBytes {
			open = nil
		}
	}
	return m
}

// each calls fn for every piece of m and of its children.
func (m *yamlMapping) each(fn func(p *yamlPiece)) {
	for _, p := range m.pieces {
		fn(p)
		if p.child != nil {
			p.child.each(fn)
		}
	}
}
