package annotations

import (
	"go/ast"
	"strings"
	"unsafe"

	hk "example.com/m/hooks" // want `^annotations must import only the standard library, not hooks$`
)

var _ = ast.File{}
var _ = strings.Cut
var _ = unsafe.Sizeof(0)
var _ = hk.H
var A int
