package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/hookweave/hookweave/cmd/hookweave/internal/golist"
	"github.com/hookweave/hookweave/cmd/hookweave/internal/report"
	toolexecmode "github.com/hookweave/hookweave/cmd/hookweave/internal/toolexec"
)

const showUsage = `usage: hookweave show [-main] <packages>

Print the source that a woven build compiles for each of the packages
(a go list pattern): each file that weaving changes, after a line
"// hookweave show: <file>", and each file it adds, after
"// hookweave show: <file> (added)". Package os shows the exit hook that
every woven build adds to it. With -main, a package main is woven as the
main of a binary: it links the plugin set, runs the shutdown lifecycle when
main returns and, through the exit hook that woven builds add to package os,
before os.Exit.
`

// show prints the woven source of packages.
func show(args []string) int {
	fs := flag.NewFlagSet("show", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	asMain := fs.Bool("main", false, "weave a package main as a binary's main")
	if err := fs.Parse(args); err != nil || fs.NArg() == 0 {
		w, code := os.Stderr, 2
		if errors.Is(err, flag.ErrHelp) {
			w, code = os.Stdout, 0
		}
		fmt.Fprint(w, showUsage)
		return code
	}
	pkgs, err := listPackages(fs.Args())
	if err != nil {
		report.Print(os.Stderr, err)
		return 1
	}
	code := 0
	for _, p := range pkgs {
		if err := showPackage(os.Stdout, p, *asMain && p.Name == "main"); err != nil {
			report.Print(os.Stderr, err)
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
func showPackage(w io.Writer, p *listedPackage, isMain bool) error {
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
		fmt.Fprintf(os.Stderr, "%s%s: nothing to weave\n", report.Prefix, p.ImportPath)
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
