package source_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/orcgen/orcgen/parser/source"
)

// A missing file is a NotFound error that names the path.
func ExampleRead() {
	_, err := source.Read(context.Background(), "testdata/missing.html", source.Options{})
	var e *source.Error
	if errors.As(err, &e) {
		fmt.Println(e.Kind)
	}
	fmt.Println(err)
	// Output:
	// not found
	// read "testdata/missing.html": no such file or directory
}

// A file:// URL is refused with a hint to give the path.
func ExampleRead_fileURL() {
	_, err := source.Read(context.Background(), "file:///srv/page.html", source.Options{})
	fmt.Println(err)
	// Output:
	// read "file:///srv/page.html": file URLs are not supported: give the path "/srv/page.html" instead
}
