package core // want package:"reaches example.com/custom/metrics via example.com/custom/core -> example.com/custom/metrics"

// core may not import metrics under the setting forbid: [core:metrics].

import "example.com/custom/metrics" // want `^core must not import metrics \(via core -> metrics\)$`

func C() { metrics.Count() }
