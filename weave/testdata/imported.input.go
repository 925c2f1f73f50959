// Package imported already imports hooks and uses the name that weaving
// would give it, so weaving picks other names.
package imported

import (
	"context"

	"github.com/hookweave/hookweave/hooks"
)

var _hookweave_hooks = "taken"

type act struct{}

func (a act) ComponentStart() hooks.ComponentPayload        { return hooks.ComponentPayload{} }
func (a act) ComponentEnd(err error) hooks.ComponentPayload { return hooks.ComponentPayload{} }

//mellea:hook component
func (a act) Do(ctx context.Context) error {
	_ = hooks.Woven()
	return nil
}
