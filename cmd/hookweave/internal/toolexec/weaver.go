package toolexec

// File is one Go source file: its name as the compiler was given it and its
// content.
type File struct {
	Name string
	Src  []byte
}

// Result is what a Weaver made of a package.
type Result struct {
	Files   []File   // the package's files, rewritten or not, in input order
	Extra   []File   // new files for the compile
	Imports []string // import paths the output needs that the input did not import
	Changed bool     // whether anything differs from the input
}

// Weaver rewrites one package. isMain asks for the plugin set and the
// shutdown lifecycle in a binary's package main.
type Weaver func(importPath string, files []File, isMain bool) (*Result, error)

// Options configure the toolexec mode.
type Options struct {
	Weave Weaver
	// HooksPath is the import path of package hooks: a main whose
	// dependencies include it is woven, and the link sets its wovenBy.
	HooksPath string
	// Plugins is the plugin set linked into woven mains.
	Plugins []string
	// Module is the module path that holds HooksPath and Plugins.
	Module string
	// InjectedDirs are the module's directories whose source goes into the
	// identity when the module is not a fixed version (replaced, main
	// module or workspace).
	InjectedDirs []string
}
