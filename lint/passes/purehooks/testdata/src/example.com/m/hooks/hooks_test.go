package hooks_test

import (
	"testing"

	"example.com/dep" // a test file: no importer compiles it, nothing is reported
	"example.com/m/stdlib"
)

func TestH(t *testing.T) { stdlib.S(); dep.D() }
