package scripted

import "fmt"

// FaultError is the scripted failure of WithFailAfter, carried as the Err
// of a *backend.Error.
type FaultError struct {
	After int // deltas delivered before the fault
}

func (e *FaultError) Error() string {
	return fmt.Sprintf("scripted fault after %d deltas", e.After)
}
