package hooks_test

import (
	"testing"

	"example.com/m/stdlib" // want `^hooks_test must import only the standard library, not stdlib$`
)

func TestH(t *testing.T) { stdlib.S() }
