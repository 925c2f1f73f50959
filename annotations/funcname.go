package annotations

import "go/ast"

// FuncName returns the name of fd as a Go stack trace prints it, without
// the package path: "lookup", "store.get", "(*store).get" for a pointer
// receiver, and [...] for the type parameters of a generic function or of
// a method's generic receiver: "Map[...]", "(*List[...]).Push".
func FuncName(fd *ast.FuncDecl) string {
	name := fd.Name.Name
	if tp := fd.Type.TypeParams; tp != nil && len(tp.List) > 0 {
		name += "[...]"
	}
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return name
	}
	return receiverName(fd.Recv.List[0].Type) + "." + name
}

// receiverName formats a receiver's type as a stack trace does.
func receiverName(t ast.Expr) string {
	switch t := t.(type) {
	case *ast.ParenExpr:
		return receiverName(t.X)
	case *ast.StarExpr:
		return "(*" + receiverName(t.X) + ")"
	case *ast.IndexExpr:
		return receiverName(t.X) + "[...]"
	case *ast.IndexListExpr:
		return receiverName(t.X) + "[...]"
	case *ast.Ident:
		return t.Name
	}
	return "?"
}
