package inner

import (
	"example.com/m/annotations" // want `^hooks/inner must import only the standard library, not annotations$`
	"example.com/m/hooks"       // its own tree, whose imports are checked in turn
	"example.com/m/stdlib"      // want `^hooks/inner must import only the standard library, not stdlib$`
)

var _, _, _ = hooks.H, annotations.A, stdlib.S
