package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/hookweave/hookweave/cmd/hookweave/internal/golist"
	"github.com/hookweave/hookweave/cmd/hookweave/internal/report"
	toolexecmode "github.com/hookweave/hookweave/cmd/hookweave/internal/toolexec"
)

var showCommand = &command{
	name:    "show",
	args:    "[-main] <packages>",
	short:   "print the woven source of packages",
	minArgs: 1, maxArgs: -1,
	long: `Print the source that a woven build compiles for each of the packages
(a go list pattern): each file that weaving changes, after a line
"// hookweave show: <file>", and each file it adds, after
"// hookweave show: <file> (added)". Package os shows the exit hook that
every woven build adds to it. With -main, a package main is woven as the
main of a binary: it links the plugin set, runs the shutdown lifecycle when
main returns and, through the exit hook that woven builds add to package os,
before os.Exit.
`,
	setup: func(fs *flag.FlagSet) func([]string, io.Writer, io.Writer) int {
		asMain := fs.Bool("main", false, "weave a package main as a binary's main")
		return func(args []string, stdout, stderr io.Writer) int { return show(args, *asMain, stdout, stderr) }
	},
}

// show prints the woven source of packages.
func show(patterns []string, asMain bool, stdout, stderr io.Writer) int {
	pkgs, err := listPackages(patterns)
	if err != nil {
		report.Print(stderr, err)
		return 1
	}
	code := 0
	for _, p := range pkgs {
		if err := showPackage(stdout, stderr, p, asMain && p.Name == "main"); err != nil {
			report.Print(stderr, err)
			code = 1
		}
	}
	return code
}

// listedPackage is what show needs of go list -json.
type listedPackage struct {
	ImportPath, Name, Dir string
	GoFiles, CgoFiles     []string
	Error                 *struct{ Err string }
}

// listPackages resolves patterns with go list, with the user's go
// environment (GOFLAGS, build tags).
func listPackages(patterns []string) ([]*listedPackage, error) {
	pkgs, err := golist.Packages[listedPackage](golist.Cmd{Flags: []string{"-e"}}, "ImportPath,Name,Dir,GoFiles,CgoFiles,Error", patterns)
	if err != nil {
		return nil, err
	}
	for _, p := range pkgs {
		if p.Error != nil {
			return nil, fmt.Errorf("%s", p.Error.Err)
		}
	}
	return pkgs, nil
}

// showPackage weaves p through the build's own entry into the weaver,
// weavePackage, and writes the files it changes and adds to w.
func showPackage(w, stderr io.Writer, p *listedPackage, isMain bool) error {
	var files []toolexecmode.File
	for _, name := range append(p.GoFiles, p.CgoFiles...) {
		path := filepath.Join(p.Dir, name)
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		files = append(files, toolexecmode.File{Name: path, Src: src})
	}
	res, err := weavePackage(p.ImportPath, files, isMain)
	if err != nil {
		return err
	}
	if !res.Changed && len(res.Extra) == 0 {
		fmt.Fprintf(stderr, "%s%s: nothing to weave\n", report.Prefix, p.ImportPath)
		return nil
	}
	for i, f := range res.Files {
		if !bytes.Equal(f.Src, files[i].Src) {
			fmt.Fprintf(w, "// hookweave show: %s\n%s\n", f.Name, bytes.TrimRight(f.Src, "\n"))
		}
	}
	for _, f := range res.Extra {
		fmt.Fprintf(w, "// hookweave show: %s (added)\n%s\n", filepath.Join(p.Dir, f.Name), bytes.TrimRight(f.Src, "\n"))
	}
	return nil
}
