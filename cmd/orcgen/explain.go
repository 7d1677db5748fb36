package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/orcgen/orcgen/model"
	"github.com/orcgen/orcgen/parser"
)

const explainSynopsis = "orcgen explain [-page SRC] [-spec SRC] [-extend] CODE|NAME"

// runExplain prints the evidence behind one code's name: where the name
// comes from, the anchors around the code, the words its text shares with
// the name, the confidence and the runner-up, in terms a reader can check
// against the page and the spec.
func runExplain(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("explain", explainSynopsis)
	var in inputs
	fs.StringVar(&in.page, "page", "", "Response Codes page: file or URL (default: embedded copy)")
	fs.StringVar(&in.spec, "spec", "", "Swagger/OpenAPI definition or snapshot: file or URL (default: embedded snapshot)")
	fs.BoolVar(&in.allowExternalRefs, "allow-external-refs", false, "let the spec's $refs read other files and URLs")
	fs.BoolVar(&in.extend, "extend", false, "explain the names the extend option adopts")
	verbose := fs.Bool("v", false, "print each stage's time to stderr")
	in.net.register(fs)
	if err := parse(fs, args, 1); err != nil {
		return err
	}
	cat, err := in.catalog(ctx, stages{w: a.stderr, verbose: *verbose, ctx: ctx})
	if err != nil {
		return err
	}
	c, err := findCode(cat, fs.Arg(0))
	if err != nil {
		return err
	}
	explainCode(a.stdout, cat, c, in.extend)
	return nil
}

// findCode returns the code a CODE or NAME argument designates: a code of
// the page, or the code whose name, alias, stated name or suggestion it is.
func findCode(cat *model.Catalog, arg string) (model.Code, error) {
	if n, err := strconv.Atoi(arg); err == nil {
		for _, c := range cat.Codes {
			if c.Code == n {
				return c, nil
			}
		}
		return model.Code{}, fmt.Errorf("explain: no code %d on the page (%d codes, %s)", n, len(cat.Codes), codeRange(cat))
	}
	matches := []func(c model.Code) bool{
		func(c model.Code) bool { return c.Name == arg },
		func(c model.Code) bool { return contains(c.Aliases, arg) || contains(c.Names, arg) },
		func(c model.Code) bool { return c.Guess == arg },
	}
	for _, match := range matches {
		for _, c := range cat.Codes {
			if match(c) {
				return c, nil
			}
		}
	}
	if pos := mainEnum(cat).index(arg); pos >= 0 {
		return model.Code{}, fmt.Errorf("explain: %s is name #%d of the spec's enum, but no code of the page carries it or is aligned to it", arg, pos)
	}
	return model.Code{}, fmt.Errorf("explain: no code and no name %q on the page or in the spec", arg)
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func codeRange(cat *model.Catalog) string {
	if len(cat.Codes) == 0 {
		return "none"
	}
	return fmt.Sprintf("%d to %d", cat.Codes[0].Code, cat.Codes[len(cat.Codes)-1].Code)
}

// enumView is the main enum (the largest enum of error names) of a catalog.
type enumView struct {
	name   string
	values []string
}

func mainEnum(cat *model.Catalog) enumView {
	var e enumView
	for _, en := range cat.Enums {
		if len(en.Values) > len(e.values) {
			e = enumView{en.Name, en.Values}
		}
	}
	return e
}

// index returns a name's position in the enum, -1 when absent.
func (e enumView) index(name string) int {
	for i, v := range e.values {
		if v == name {
			return i
		}
	}
	return -1
}

// explainCode writes the explanation of one code.
func explainCode(w io.Writer, cat *model.Catalog, c model.Code, extend bool) {
	enum := mainEnum(cat)
	fmt.Fprintf(w, "%d %s\n", c.Code, c.Name)
	fmt.Fprintf(w, "  origin:     %s\n", originWords(c, enum))
	for _, m := range c.Messages {
		fmt.Fprintf(w, "  message:    %s\n", m)
	}
	if c.Description != "" {
		fmt.Fprintf(w, "  described:  %s\n", c.Description)
	}
	if len(c.Names) > 0 {
		fmt.Fprintf(w, "  stated:     %s\n", strings.Join(c.Names, ", "))
	}
	if len(c.Aliases) > 0 {
		fmt.Fprintf(w, "  also named: %s\n", strings.Join(c.Aliases, ", "))
	}
	al := c.Alignment
	if al == nil {
		return
	}
	verb := "aligned to"
	if c.Guess != "" {
		verb = "suggests"
	}
	fmt.Fprintf(w, "  alignment:  %s %s, name #%d of the spec's enum %s\n", verb, al.Name, al.Position, enum.name)
	fmt.Fprintf(w, "  anchors:    %s before, %s after%s\n", anchorWords(cat, al.Before, enum), anchorWords(cat, al.After, enum), steps(cat, al, enum))
	before, after := neighbours(cat, c.Code)
	fmt.Fprintf(w, "  neighbours: %s before, %s after\n", anchorWords(cat, before, enum), anchorWords(cat, after, enum))
	words := "none (the place in the enum's order alone)"
	if len(al.Words) > 0 {
		words = strings.Join(al.Words, ", ") + " (in the code's own messages and description)"
	}
	fmt.Fprintf(w, "  words:      %s\n", words)
	runner := "leaving the code unnamed"
	if al.RunnerUp != "" {
		runner = al.RunnerUp
	}
	fmt.Fprintf(w, "  confidence: %.2f (%s); the best alignment naming it otherwise scores that much less\n", al.Confidence, al.Level)
	fmt.Fprintf(w, "  runner-up:  %s\n", runner)
	fmt.Fprintf(w, "  thresholds: named by default at %.2f or more, with -extend at %.2f or more (in use: %s)\n",
		parser.AlignThreshold, parser.ExtendThreshold, map[bool]string{false: "default", true: "-extend"}[extend])
}

// originWords says in words where a code's name comes from.
func originWords(c model.Code, enum enumView) string {
	switch c.NameOrigin {
	case model.OriginPage:
		return "page: the page states " + c.Name + " for this code"
	case model.OriginMessage:
		return "message: the code's message spells " + c.Name
	case model.OriginBracketed:
		return "bracketed: the anchors around the code are as many codes apart as names apart in the spec's enum"
	case model.OriginAligned:
		return "aligned: the alignment of the page's codes with the spec's enum places it there with enough confidence"
	case model.OriginExtended:
		return "extended: a run of the spec's enum names continued past a named code"
	case model.OriginDerived:
		what := "derived from the code's own text"
		if c.Name == "Code"+strconv.Itoa(c.Code) {
			what = "derived: the code has no text of its own"
		}
		if c.Alignment != nil {
			return what + "; the alignment's suggestion is below the threshold in use"
		}
		return what + "; no evidence names it"
	}
	return c.NameOrigin
}

// steps compares how far apart the anchors are in codes and in the enum's
// names: equal steps bracket the codes between them.
func steps(cat *model.Catalog, al *model.Alignment, enum enumView) string {
	if al.Before == 0 || al.After == 0 {
		return ""
	}
	var lo, hi string
	for _, c := range cat.Codes {
		switch c.Code {
		case al.Before:
			lo = c.Name
		case al.After:
			hi = c.Name
		}
	}
	return fmt.Sprintf(" (%d codes and %d names apart)", al.After-al.Before, enum.index(hi)-enum.index(lo))
}

// neighbours returns the codes of the page just before and after code, 0
// when there is none.
func neighbours(cat *model.Catalog, code int) (before, after int) {
	for i, c := range cat.Codes {
		if c.Code != code {
			continue
		}
		if i > 0 {
			before = cat.Codes[i-1].Code
		}
		if i+1 < len(cat.Codes) {
			after = cat.Codes[i+1].Code
		}
	}
	return before, after
}

// anchorWords describes the code with the given number: its name, the
// name's place in the enum and its origin.
func anchorWords(cat *model.Catalog, code int, enum enumView) string {
	if code == 0 {
		return "none"
	}
	for _, c := range cat.Codes {
		if c.Code != code {
			continue
		}
		if pos := enum.index(c.Name); pos >= 0 {
			return fmt.Sprintf("%d %s (#%d, %s)", c.Code, c.Name, pos, c.NameOrigin)
		}
		return fmt.Sprintf("%d %s (%s)", c.Code, c.Name, c.NameOrigin)
	}
	return strconv.Itoa(code)
}
