package metrics // want package:"reaches example.com/custom/metrics via example.com/custom/metrics"

func Count() {}
