package dep

func D() {}
