package metrics

func Count() {}
