package inner

import "example.com/m/hooks" // want `^hooks/inner must import only the standard library, not hooks$`

var _ = hooks.H
