package model

// DefaultErrorSchemaName is the name of the error body schema Orchestrator
// documents ("ErrorResult").
const DefaultErrorSchemaName = "ErrorResult"

// DefaultErrorSchema returns ErrorResult as Orchestrator 20.0 defines it:
// Message, ErrorCode (int32), TraceId, ResourceIds (integers) and Details, in
// that order. Emitters use it when the catalog has no ErrorSchema (a catalog
// built without a spec). Each call returns a fresh copy that the caller may
// change.
func DefaultErrorSchema() *ErrorSchema {
	return &ErrorSchema{
		Name: DefaultErrorSchemaName,
		Properties: []Property{
			{Name: "Message", Type: "string"},
			{Name: "ErrorCode", Type: "integer", Format: "int32"},
			{Name: "TraceId", Type: "string"},
			{Name: "ResourceIds", Type: "array", Items: "integer"},
			{Name: "Details", Type: "string"},
		},
	}
}
