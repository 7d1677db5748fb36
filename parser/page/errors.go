package page

import "fmt"

// NotPageError reports input that is not a Response Codes page: no table of
// three columns with integer codes, too few code rows, or an empty file.
// Nothing is parsed from such input.
type NotPageError struct {
	// URI names the input, as given in Options.URI.
	URI string
	// Expected says what a Response Codes page holds.
	Expected string
	// Found says what the input held instead.
	Found string
}

// Error returns "<uri>: not a Response Codes page: expected ..., found ...".
func (e *NotPageError) Error() string {
	return fmt.Sprintf("%s: not a Response Codes page: expected %s, found %s", e.URI, e.Expected, e.Found)
}
