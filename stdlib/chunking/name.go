package chunking

import (
	"fmt"
	"reflect"
)

// Name is c's strategy identity: its Name if c is a Namer, else the
// name of its Go type without the package (a pointer's element type for a
// pointer). Name(nil) is "".
func Name(c Chunker) string {
	if n, ok := c.(Namer); ok {
		return n.Name()
	}
	t := reflect.TypeOf(c)
	if t == nil {
		return ""
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.Name()
}

// ByName returns the chunker called name: "sentence" (also for ""),
// "word", "paragraph" or "none" (each delta as it comes). Any other name is
// an error that lists the valid names.
func ByName(name string) (Chunker, error) {
	switch name {
	case "", "sentence":
		return Sentence{}, nil
	case "word":
		return Word{}, nil
	case "paragraph":
		return Paragraph{}, nil
	case "none":
		return None{}, nil
	}
	return nil, fmt.Errorf("unknown chunking %q: use one of sentence, word, paragraph, none", name)
}
