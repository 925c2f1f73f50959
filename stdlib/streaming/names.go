package streaming

import (
	"reflect"

	"github.com/hookweave/hookweave/stdlib/requirement"
)

// requirementName is the requirement's type name without the package.
// TODO: use requirement.Name once package requirement provides it.
func requirementName(q requirement.Requirement) string {
	t := reflect.TypeOf(q)
	if t == nil {
		return ""
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.Name()
}
