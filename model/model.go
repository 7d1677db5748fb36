package model

// SchemaVersion is the version of the model's JSON form written in
// Catalog.SchemaVersion. It changes only when a field changes meaning or is
// removed; new fields keep the version. Version 2: a joined catalog's
// Sources identify inputs by content (Source.SHA256) and name no path or
// URL; codes carry the alignment's evidence (Code.Alignment, origin
// "aligned"), and Code.Guess is the alignment's suggestion.
const SchemaVersion = 2

// Catalog is the intermediate model: every documented error code, the
// symbolic names and operations of the spec, and what went wrong on the way.
type Catalog struct {
	// SchemaVersion is SchemaVersion for what this package writes.
	SchemaVersion int `json:"schemaVersion"`
	// Sources lists the inputs the catalog was built from, page first.
	Sources []Source `json:"sources"`
	// Codes holds one entry per documented numeric code, ascending by Code.
	Codes []Code `json:"codes"`
	// Names holds every symbolic error name of the spec's enums, once each,
	// in the order of the first enum that holds it. Empty without a spec.
	Names []Name `json:"names,omitempty"`
	// Enums holds the spec's enums of symbolic error names, identical enums
	// merged, in the order they were first met in the spec.
	Enums []Enum `json:"enums,omitempty"`
	// Operations holds every operation of the spec, ordered by path, then
	// method. Empty without a spec.
	Operations []Operation `json:"operations,omitempty"`
	// ErrorSchema is the spec's error body schema (ErrorResult); nil without
	// a spec.
	ErrorSchema *ErrorSchema `json:"errorSchema,omitempty"`
	// Diagnostics lists defects found in the sources and decisions worth a
	// reader's attention, in the order they were found.
	Diagnostics []Diagnostic `json:"diagnostics"`
}

// Source kinds used in Source.Kind.
const (
	SourcePage = "page" // the Response Codes page
	SourceSpec = "spec" // the Swagger / OpenAPI definition
)

// Source identifies one input of the catalog.
type Source struct {
	// Kind is SourcePage or SourceSpec.
	Kind string `json:"kind"`
	// URI is where the input was read from: a URL, a file path as given by
	// the user, or "embedded:<name>" for orcgen's built-in default. Set only
	// on what a parser returns (a spec snapshot, a page's catalog before the
	// join); a joined catalog names no path or URL, so it is empty there.
	URI string `json:"uri,omitempty"`
	// SHA256 is, in a joined catalog, the hex SHA-256 of the content orcgen
	// extracted from the input: the page's table (codes, names, messages,
	// descriptions, endpoints) or the spec's facts with its title and
	// version. The same content read from any copy gives the same hash.
	// Before the join it is the SHA-256 of the input's bytes as read.
	SHA256 string `json:"sha256"`
	// Title is the spec's info.title; empty for a page.
	Title string `json:"title,omitempty"`
	// Version is the spec's info.version; empty for a page.
	Version string `json:"version,omitempty"`
}

// Name origins used in Code.NameOrigin: how the code's identifier was found.
const (
	// OriginPage: the page states the name in the code's Text cell.
	OriginPage = "page"
	// OriginMessage: the code's message names exactly one enum name
	// ("Tenant not found." is TenantNotFound).
	OriginMessage = "message"
	// OriginBracketed: two agreeing anchors enclose the code, and the
	// distance in codes equals the distance in enum positions.
	OriginBracketed = "bracketed"
	// OriginAligned: the scored alignment of the page's codes to the main
	// enum gives the code this name with a confidence at or above the
	// threshold in use (see Code.Alignment); not the exact-gap case, which
	// is OriginBracketed.
	OriginAligned = "aligned"
	// OriginExtended: a run of enum names continued past a single anchor.
	// Join no longer produces it (the alignment's lower -extend threshold
	// gives OriginAligned); it names the origin in older models.
	OriginExtended = "extended"
	// OriginDerived: no evidence; an identifier made from the code's own
	// message or description, or Code<number> when it has neither.
	OriginDerived = "derived"
)

// Code is one documented numeric error code (a row of the page's table).
type Code struct {
	// Code is the numeric error code, the ErrorCode of the error body.
	Code int `json:"code"`
	// Names are the symbolic names the page states for the code, in page
	// order, without separators or punctuation.
	Names []string `json:"names"`
	// Messages are the messages of the Text cell, one per line or paragraph
	// of the page, with their exact punctuation.
	Messages []string `json:"messages"`
	// Params are the placeholders of the messages ("CustomNameYouAdded" for
	// "[CustomNameYouAdded]", "0" for "{0}"), in order of first appearance,
	// each once.
	Params []string `json:"params"`
	// Description is the prose of the Description cell, whitespace folded,
	// entities decoded, endpoint lists taken out. Empty when the cell holds
	// only a category label.
	Description string `json:"description"`
	// Category is set when the Description cell is only a label ("Robots",
	// "License", "Conflict" of "Conflict (409)").
	Category string `json:"category"`
	// HTTPStatus is the HTTP status the page states for the code, 0 if none.
	HTTPStatus int `json:"httpStatus"`
	// Endpoints are the endpoints the page ties to the code, from list items
	// and from inline mentions in the prose, in page order.
	Endpoints []Endpoint `json:"endpoints"`
	// Name is the identifier emitters use for the code, unique in the
	// catalog; empty until the page and spec are joined.
	Name string `json:"name,omitempty"`
	// NameOrigin tells how Name was found: one of the Origin constants.
	NameOrigin string `json:"nameOrigin,omitempty"`
	// Aliases are the spec's other names for the code (enum names tied to
	// the code other than Name), in enum order.
	Aliases []string `json:"aliases,omitempty"`
	// Guess is the enum name the alignment suggests for a code it does not
	// name (its confidence is below the threshold in use); Name then comes
	// from other evidence. Empty when the code is named from evidence.
	Guess string `json:"guess,omitempty"`
	// Alignment is the evidence of the scored alignment for the code, nil
	// when its name is stated by the page or spelled by a message, or when
	// no enum position is open to it.
	Alignment *Alignment `json:"alignment,omitempty"`
	// Source is the provenance of the row on the page, e.g. "page row 3".
	Source string `json:"source,omitempty"`
}

// Confidence levels used in Alignment.Level.
const (
	// LevelHigh: the confidence reaches the default threshold; the code is
	// named so without options.
	LevelHigh = "high"
	// LevelMedium: below the default threshold, at or above the lower one
	// the extend option uses.
	LevelMedium = "medium"
	// LevelLow: below both thresholds; only a suggestion.
	LevelLow = "low"
)

// Alignment is the outcome of the scored alignment for one code: the enum
// name it suggests and the evidence behind it.
type Alignment struct {
	// Name is the main enum's name the best alignment gives the code.
	Name string `json:"name"`
	// Position is Name's index in the main enum.
	Position int `json:"position"`
	// Confidence is the margin between the score of the best alignment and
	// that of the best alignment naming the code otherwise (or not at all),
	// rounded to hundredths.
	Confidence float64 `json:"confidence"`
	// Level is Confidence as a coarse level: LevelHigh, LevelMedium or
	// LevelLow.
	Level string `json:"level"`
	// Words are Name's words found in the code's own messages and
	// description, in name order.
	Words []string `json:"words,omitempty"`
	// RunnerUp is the name the best alternative alignment gives the code;
	// empty when that alternative leaves it unnamed.
	RunnerUp string `json:"runnerUp,omitempty"`
	// Before and After are the nearest codes below and above whose names
	// are fixed by the page or a message (the anchors), 0 when none.
	Before int `json:"before,omitempty"`
	// After: see Before.
	After int `json:"after,omitempty"`
}

// Endpoint is one operation the page names for a code.
type Endpoint struct {
	// Methods are the HTTP methods, upper case, in page order.
	Methods []string `json:"methods"`
	// Path is the path as the page writes it ("/odata/QueueItems(id)/...").
	Path string `json:"path"`
	// OperationIDs are the spec operations the endpoint matched, one per
	// matched method, in Methods order; empty when nothing matched.
	OperationIDs []string `json:"operationIds,omitempty"`
}

// Name is one symbolic error name of the spec.
type Name struct {
	// Name is the symbolic name as the spec spells it ("ItemNotFound").
	Name string `json:"name"`
	// Enums are the names (x-ms-enum name, or schema name) of the enums that
	// hold the name, in Catalog.Enums order.
	Enums []string `json:"enums"`
	// Code is the numeric code tied to the name, 0 when unknown.
	Code int `json:"code,omitempty"`
	// Origin tells how Code was found (an Origin constant), empty when Code
	// is 0.
	Origin string `json:"origin,omitempty"`
}

// Enum is one enum of symbolic error names in the spec.
type Enum struct {
	// Name is the enum's x-ms-enum name, or "<Schema><Property>" when it has
	// none.
	Name string `json:"name"`
	// Values are the enum's names in spec order.
	Values []string `json:"values"`
	// Sites are the schema properties (and parameters) that use the enum, in
	// spec order.
	Sites []EnumSite `json:"sites"`
}

// EnumSite is one place in the spec where an enum of error names is used.
type EnumSite struct {
	// Schema is the component schema's name, or "parameter" for a parameter.
	Schema string `json:"schema"`
	// Property is the property or parameter name ("ErrorCode").
	Property string `json:"property"`
}

// Operation is one operation of the spec.
type Operation struct {
	// Method is the HTTP method, upper case.
	Method string `json:"method"`
	// Path is the spec's path template ("/odata/Assets({key})").
	Path string `json:"path"`
	// OperationID is the spec's operationId.
	OperationID string `json:"operationId"`
	// Tags are the operation's tags in spec order.
	Tags []string `json:"tags,omitempty"`
	// ErrorStatuses are the 4xx and 5xx statuses the operation declares,
	// ascending.
	ErrorStatuses []int `json:"errorStatuses,omitempty"`
	// ErrorResponses pairs each error status with the schema its body uses
	// (empty Schema when the response has no schema or an inline one).
	ErrorResponses []ErrorResponse `json:"errorResponses,omitempty"`
	// Codes are the page's codes tied to this operation, ascending.
	Codes []int `json:"codes,omitempty"`
}

// ErrorResponse is one declared error response of an operation.
type ErrorResponse struct {
	// Status is the HTTP status (400, 404, 409, ...).
	Status int `json:"status"`
	// Schema is the name of the component schema of the response body
	// ("ErrorResult"), empty when there is none.
	Schema string `json:"schema,omitempty"`
}

// ErrorSchema is the spec's error body schema.
type ErrorSchema struct {
	// Name is the component schema's name ("ErrorResult").
	Name string `json:"name"`
	// Properties are the schema's properties in spec order.
	Properties []Property `json:"properties"`
}

// Property is one property of the error body schema.
type Property struct {
	// Name is the JSON property name as the spec spells it ("ErrorCode").
	Name string `json:"name"`
	// Type is the OpenAPI type ("integer", "string", "array", "object").
	Type string `json:"type"`
	// Format is the OpenAPI format ("int32"), empty when none.
	Format string `json:"format,omitempty"`
	// Items is the item type of an array property ("string"), empty
	// otherwise.
	Items string `json:"items,omitempty"`
	// Nullable reports whether the spec marks the property nullable.
	Nullable bool `json:"nullable,omitempty"`
	// Description is the spec's description of the property.
	Description string `json:"description,omitempty"`
}

// Diagnostic severities.
const (
	SeverityWarning = "warning"
	SeverityInfo    = "info"
)

// Diagnostic is a defect of a source or a decision orcgen made about it.
type Diagnostic struct {
	// Severity is SeverityWarning or SeverityInfo.
	Severity string `json:"severity"`
	// Source is the kind of input it concerns ("page", "spec") or "join".
	Source string `json:"source"`
	// Code is the numeric code it concerns, 0 when none.
	Code int `json:"code,omitempty"`
	// Message says what was found, in one line.
	Message string `json:"message"`
}

// Spec holds the facts orcgen extracts from a Swagger / OpenAPI definition:
// what the join and the emitters need, and nothing else. Its JSON form is the
// spec snapshot that orcgen embeds as its default.
type Spec struct {
	// Snapshot is always 1 in a snapshot file; it tells a snapshot from a
	// real spec.
	Snapshot int `json:"orcgenSpecSnapshot"`
	// Source describes the definition the facts came from.
	Source Source `json:"source"`
	// ErrorSchema is the error body schema used by the 4xx responses, nil if
	// the spec has none.
	ErrorSchema *ErrorSchema `json:"errorSchema,omitempty"`
	// Enums are the enums of symbolic error names, identical ones merged.
	Enums []Enum `json:"enums"`
	// Operations are every operation, ordered by path, then method.
	Operations []Operation `json:"operations"`
	// Diagnostics are what the spec reader could not read as written and
	// what it did instead, in the order found.
	Diagnostics []Diagnostic `json:"diagnostics,omitempty"`
}
