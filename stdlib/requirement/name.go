package requirement

import "reflect"

// Namer is implemented by requirements that report their own name.
type Namer interface {
	Name() string
}

// Name is r's name for metric attributes: its Name if r is a Namer, else
// the name of its Go type without the package (a pointer's element type
// for a pointer). Name(nil) is "".
func Name(r Requirement) string {
	if n, ok := r.(Namer); ok {
		return n.Name()
	}
	t := reflect.TypeOf(r)
	if t == nil {
		return ""
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.Name()
}
