// Package hooks may import the standard library only.
package hooks

import (
	"context"
	"fmt"

	"example.com/dep" // want `^hooks must import only the standard library, not example.com/dep$`
)

func H(ctx context.Context) { fmt.Println(ctx); dep.D() }
